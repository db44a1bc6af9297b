using System.Diagnostics;
using InterviewRoom.Data;
using InterviewRoom.Server.Questions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>Whether the database is migrated and the question bank loaded.</summary>
internal sealed class Readiness : IHealthCheck
{
    private volatile bool ready;

    public void MarkReady() => ready = true;

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(ready
            ? HealthCheckResult.Healthy("Database migrated; question bank loaded.")
            : HealthCheckResult.Unhealthy("Starting: database migration or question import not finished."));
}

/// <summary>
/// Runs before the server takes requests: applies migrations, switches SQLite to WAL, imports the seed bank.
/// Not run by <c>dotnet ef</c>, which builds the host without starting it.
/// </summary>
internal sealed partial class DatabaseStartup(
    IServiceScopeFactory scopes, Readiness readiness, IConfiguration configuration, ILogger<DatabaseStartup> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();

        if (db.Database.IsSqlite())
        {
            EnsureFolderOf(db.Database.GetConnectionString());
        }

        await db.Database.MigrateAsync(cancellationToken);
        if (db.Database.IsSqlite())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = WAL;", cancellationToken);
        }

        var migrated = clock.Elapsed;
        var importer = scope.ServiceProvider.GetRequiredService<QuestionBankImporter>();
        var result = await importer.ImportSeedAsync(SeedPath(), ReviewPath(), cancellationToken);
        LogReady(migrated.TotalMilliseconds, (clock.Elapsed - migrated).TotalMilliseconds, result.Added, result.Updated, result.Unchanged, result.KeptEdited);
        readiness.MarkReady();
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private string SeedPath()
    {
        var configured = configuration["QuestionBank:SeedPath"];
        return string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(AppContext.BaseDirectory, "seed", "backend-mock-interview-questions.txt")
            : Path.GetFullPath(configured);
    }

    /// <summary>The built-in bank's reviewed rubrics; <c>QuestionBank:ReviewPath</c> set to "" imports the builder's rubrics only.</summary>
    private string? ReviewPath()
    {
        var configured = configuration["QuestionBank:ReviewPath"];
        return configured switch
        {
            null => Path.Combine(AppContext.BaseDirectory, "seed", "backend-rubric-review.json"),
            "" => null,
            _ => Path.GetFullPath(configured),
        };
    }

    private static void EnsureFolderOf(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        var folder = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(dataSource) && dataSource != ":memory:" && folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
    }

    [LoggerMessage(Level = LogLevel.Information,
        Message = "Ready: migrations in {MigrateMs:F0} ms, question import in {ImportMs:F0} ms ({Added} added, {Updated} updated, {Unchanged} unchanged, {KeptEdited} kept as edited)")]
    private partial void LogReady(double migrateMs, double importMs, int added, int updated, int unchanged, int keptEdited);
}

internal static class StartupSetup
{
    public static IServiceCollection AddStartupTasks(this IServiceCollection services)
    {
        services.AddSingleton<Readiness>();
        services.AddHostedService<DatabaseStartup>();
        services.AddHealthChecks().AddCheck<Readiness>("ready", tags: ["ready"]);
        return services;
    }

    /// <summary><c>/health/ready</c>: 200 once migrated and loaded, 503 before. <c>/health/live</c>: the process answers.</summary>
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        routes.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        return routes;
    }
}
