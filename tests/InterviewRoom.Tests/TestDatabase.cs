using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Classes;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.PersonalData;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Questions;
using InterviewRoom.Server.Rooms;
using InterviewRoom.Server.Scoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace InterviewRoom.Tests;

/// <summary>
/// The app's services over an in-memory SQLite database with the real migrations, a fake clock, and a
/// mocked hub context whose per-group client proxies record what would have been pushed.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    private readonly string connectionString = $"Data Source=file:tests-{Guid.NewGuid():N}?mode=memory&cache=shared";
    private readonly SqliteConnection connection;
    private readonly ServiceProvider services;
    private readonly Dictionary<string, Mock<IInterviewClient>> groups = [];
    private readonly Dictionary<string, Mock<IClassClient>> classGroups = [];

    public TestDatabase()
    {
        // The in-memory database lives as long as this connection; the app's own contexts open more to it.
        connection = new SqliteConnection(connectionString);
        connection.Open();
        var hub = new Mock<IHubContext<InterviewHub, IInterviewClient>>();
        hub.Setup(h => h.Clients.Group(It.IsAny<string>())).Returns((string name) => Group(name).Object);
        hub.Setup(h => h.Clients.Groups(It.IsAny<IReadOnlyList<string>>()))
            .Returns((IReadOnlyList<string> names) => Group(string.Join("+", names)).Object);
        var classHub = new Mock<IHubContext<ClassHub, IClassClient>>();
        classHub.Setup(h => h.Clients.Group(It.IsAny<string>())).Returns((string name) => ClassGroup(name).Object);
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:InterviewRoom"] = connectionString })
            .Build();

        // The same AddX() calls as Program.cs, then the fakes: a clock, no log output, recording hub contexts.
        Descriptors = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = AppContext.BaseDirectory, EnvironmentName = "Test" })
            .AddLogging()
            .AddSingleton<TimeProvider>(Clock)
            .AddDatabase()
            .AddRooms()
            .AddQuestionBank()
            .AddInterview(configuration)
            .AddScoring()
            .AddClasses()
            .AddPersonalData()
            .AddSingleton(hub.Object)
            .AddSingleton(classHub.Object);
        services = Descriptors.BuildServiceProvider();
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<InterviewRoomDb>().Database.Migrate();
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero));

    public IServiceProvider Services => services;

    /// <summary>The database's connection string, as every context of these services has it.</summary>
    public string ConnectionString => connectionString;

    /// <summary>The registrations, for a test that builds a second set of the app's services over the same database.</summary>
    public IServiceCollection Descriptors { get; }

    public Mock<IInterviewClient> Group(string name)
    {
        lock (groups)
        {
            if (!groups.TryGetValue(name, out var client))
            {
                client = new Mock<IInterviewClient>();
                groups[name] = client;
            }

            return client;
        }
    }

    /// <summary>What the class hub would have pushed to one group (the instructor's dashboard, say).</summary>
    public Mock<IClassClient> ClassGroup(string name)
    {
        lock (classGroups)
        {
            if (!classGroups.TryGetValue(name, out var client))
            {
                client = new Mock<IClassClient>();
                classGroups[name] = client;
            }

            return client;
        }
    }

    public async Task<T> WithDbAsync<T>(Func<InterviewRoomDb, Task<T>> work)
    {
        await using var scope = services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<InterviewRoomDb>());
    }

    /// <summary>A room with an interviewer and a candidate, and one question with a two-criterion rubric.</summary>
    public Task<(Room Room, Participant Interviewer, Participant Candidate, Question Question)> SeedRoomAsync() => WithDbAsync(async db =>
    {
        var now = Clock.GetUtcNow().UtcDateTime;
        var question = new Question
        {
            Bank = "test",
            Number = 1,
            Text = "What is a load balancer?",
            ReferenceAnswer = "Distributes traffic.",
            Kind = QuestionKind.Technical,
            DefaultTimeLimitSeconds = 120,
            ImportHash = "x",
            Topics = ["scalability"],
        };
        question.Rubrics.Add(new Rubric
        {
            Version = 1,
            CreatedAt = now,
            Criteria =
            [
                new Criterion("c1", "Says it spreads requests across several servers", RubricSources.ReferenceAnswer, Core: true),
                new Criterion("c2", "Says it takes a failed server out of rotation", RubricSources.ReferenceAnswer),
                new Criterion("c3", "Names an algorithm (e.g. round robin, least connections)", RubricSources.Reviewed),
            ],
            RedFlags = [new RedFlag("r1", "Confuses it with a firewall", RubricSources.Reviewed), StandardItems.SaidSomethingWrong],
        });
        var room = new Room { Id = Guid.NewGuid(), Code = "ABCDEFGH", CreatedAt = now, CodeExpiresAt = now.AddDays(1) };
        var interviewer = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Interviewer, Name = "Ada", TokenHash = "i", JoinedAt = now };
        var candidate = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Candidate, Name = "Grace", TokenHash = "c", JoinedAt = now };
        room.Participants.AddRange([interviewer, candidate]);
        db.AddRange(question, room);
        await db.SaveChangesAsync();
        return (room, interviewer, candidate, question);
    });

    public async ValueTask DisposeAsync()
    {
        await services.DisposeAsync();
        await connection.DisposeAsync();
    }
}
