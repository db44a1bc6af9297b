using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Questions;
using InterviewRoom.Server.Scoring;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace InterviewRoom.Tests.Interview;

/// <summary>
/// What the database is asked per hub call once a room is held in memory (ADR 0015): for a change, the guarded
/// bump and the change itself in one transaction; for GetState, who is online (shared by every instance) and the
/// version check. Nothing re-reads the seat, the room, the question or the rubric. A call that starts running more statements than this fails here with its SQL listed.
/// </summary>
public sealed class StatementsPerCallTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private Room room = null!;
    private Participant interviewer = null!;
    private Participant candidate = null!;
    private Question first = null!;
    private Question second = null!;

    public async Task InitializeAsync()
    {
        (room, interviewer, candidate, first) = await test.SeedRoomAsync();
        second = await test.WithDbAsync(async db =>
        {
            var question = new Question
            {
                Bank = "test", Number = 2, Text = "What is a cache?", ReferenceAnswer = "Keeps copies close.",
                Kind = QuestionKind.Technical, DefaultTimeLimitSeconds = 120, ImportHash = "y", Topics = [],
            };
            question.Rubrics.Add(new Rubric { Version = 1, CreatedAt = test.Clock.GetUtcNow().UtcDateTime, Criteria = first.Rubrics[0].Criteria, RedFlags = first.Rubrics[0].RedFlags });
            db.Add(question);
            await db.SaveChangesAsync();
            return question;
        });
        test.Services.GetRequiredService<QuestionCatalog>().QuestionsChanged();
    }

    [Fact]
    public async Task AnInterviewCycle_OnARoomInMemory_RunsOneGuardedBumpAndTheWritePerChange_AndGetStateReadsOnlyPresenceAndTheVersion_AndAPresenceTransitionOneStatement()
    {
        await CycleAsync(first.Id); // loads the room, the questions and the rubric once
        var catalog = test.Services.GetRequiredService<QuestionCatalog>();
        await test.WithDbAsync(db => catalog.QuestionAsync(db, second.Id, default)); // as any question asked before on this instance

        using var activity = new DatabaseActivity(test);
        var (counts, commits) = await CycleAsync(second.Id, activity);

        foreach (var (call, statements) in counts)
        {
            output.WriteLine($"{call}: {statements.Count}\n  {string.Join("\n  ", statements)}");
        }

        Assert.Collection(
            counts["GetState"],
            sql => Assert.StartsWith("SELECT \"Version\", \"PushSequence\" FROM \"Rooms\"", sql, StringComparison.Ordinal), // the check and the push number, first
            sql => Assert.Contains("\"LiveConnections\"", sql, StringComparison.Ordinal));
        Assert.Collection( // taking the push number checks the room's copy too: one statement, as the version check alone was
            counts["Presence"],
            sql => Assert.StartsWith("UPDATE \"Rooms\" SET \"Version\" = \"Version\" + @p0, \"PushSequence\" = \"PushSequence\" + @p1", sql, StringComparison.Ordinal));
        Assert.Equal(2, counts["Ask"].Count);
        Assert.Equal(2, counts["Acknowledge"].Count);
        Assert.Equal(2, counts["Submit"].Count);
        Assert.Equal(2, counts["Score"].Count);
        Assert.Equal(4, commits); // one transaction per change, none for reading
        Assert.All(counts.Values.SelectMany(s => s), sql => Assert.DoesNotContain("\"Participants\"", sql, StringComparison.Ordinal));
    }

    public Task DisposeAsync() => test.DisposeAsync().AsTask();

    private async Task<(Dictionary<string, IReadOnlyList<string>> Statements, int Commits)> CycleAsync(int questionId, DatabaseActivity? activity = null)
    {
        var counts = new Dictionary<string, IReadOnlyList<string>>();
        var commits = 0;
        async Task<T> Call<T>(string name, Func<IServiceProvider, Task<T>> work)
        {
            activity?.Reset();
            await using var scope = test.Services.CreateAsyncScope();
            var result = await work(scope.ServiceProvider);
            counts[name] = activity?.Statements ?? [];
            commits += activity?.Commits ?? 0;
            return result;
        }

        var asking = new Caller(interviewer.Id, room.Id);
        var answering = new Caller(candidate.Id, room.Id);
        await Call("GetState", sp => sp.GetRequiredService<InterviewService>().GetStateAsync(answering, default));
        await Call("Presence", async sp => { await sp.GetRequiredService<InterviewService>().AnnouncePresenceAsync(answering, online: true, default); return 0; });
        var turn = await Call("Ask", sp => sp.GetRequiredService<InterviewService>().AskAsync(asking, questionId, 300, default));
        await Call("Acknowledge", sp => sp.GetRequiredService<InterviewService>().AcknowledgeAsync(answering, turn.TurnId, default));
        await Call("Submit", sp => sp.GetRequiredService<InterviewService>().SubmitAsync(answering, turn.TurnId, "It spreads requests.", $"s-{turn.TurnId}", default));
        await Call("Score", sp => sp.GetRequiredService<ScoreService>().ScoreAsync(
            asking, turn.TurnId, new ScoreInput($"k-{turn.TurnId}", [new CriterionRating("c1", 2)], Notes: "clear"), default));
        return (counts, commits);
    }
}
