using System.Net;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.IntegrationTests.Infrastructure;

public sealed class HealthAndMigrationTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task HealthReady_Is200_OnceMigratedAndLoaded()
    {
        using var http = factory.Http();
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        Assert.Equal(200, await factory.WithDbAsync(db => db.Questions.CountAsync()));
    }

    [Fact]
    public async Task Sqlite_RunsInWalMode_WithNoPendingModelChanges()
    {
        var mode = await factory.WithDbAsync(db => db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync());
        Assert.Equal("wal", Assert.Single(mode));
        Assert.False(await factory.WithDbAsync(db => Task.FromResult(db.Database.HasPendingModelChanges())));
    }

    [Fact]
    public void SqlServer_IdempotentScript_IsProduced_AndCreatesEveryTable()
    {
        using var db = SqlServerContext();
        Assert.False(db.Database.HasPendingModelChanges(), "the SQL Server migrations match the model");

        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);
        Assert.Contains("IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL", script);
        Assert.Contains("SELECT * FROM [__EFMigrationsHistory]", script);
        foreach (var table in db.Model.GetEntityTypes().Select(e => e.GetTableName()!))
        {
            Assert.Contains($"CREATE TABLE [{table}]", script);
        }

        Assert.Contains("[IX_Participants_OneCandidatePerRoom]", script);
        Assert.Contains("WHERE [Role] = ''Candidate''", script);
    }

    [Fact]
    public async Task SeedImport_RunTwice_AddsNothing_AndKeepsAUsersEdit()
    {
        var edited = await factory.WithDbAsync(async db =>
        {
            var question = await db.Questions.SingleAsync(q => q.Number == 7);
            question.Text = "Edited by a user";
            question.EditedAt = DateTime.UtcNow;
            await db.SaveChangesAsync();
            return question.Id;
        });

        await using var scope = factory.Services.CreateAsyncScope();
        var importer = scope.ServiceProvider.GetRequiredService<QuestionBankImporter>();
        var seed = Path.Combine(AppContext.BaseDirectory, "seed", "backend-mock-interview-questions.txt");
        var review = Path.Combine(AppContext.BaseDirectory, "seed", "backend-rubric-review.json");
        var result = await importer.ImportSeedAsync(seed, review, CancellationToken.None);

        Assert.Equal(new ImportResult(0, 0, 199, 1), result);
        var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();
        Assert.Equal(200, await db.Questions.CountAsync());
        Assert.Equal(200, await db.Set<Rubric>().CountAsync());
        Assert.Equal("Edited by a user", (await db.Questions.SingleAsync(q => q.Id == edited)).Text);
    }

    private static InterviewRoomDb SqlServerContext() => new(new DbContextOptionsBuilder<InterviewRoomDb>()
        .UseSqlServer("Server=localhost;Database=InterviewRoom;Trusted_Connection=True;TrustServerCertificate=True",
            sql => sql.MigrationsAssembly("InterviewRoom.Data.SqlServer"))
        .Options);
}
