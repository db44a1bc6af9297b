using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.IntegrationTests.Interview;

/// <summary>
/// "Acknowledged means durable", against the real server as its own process: after every step of a whole interview,
/// the moment its call has returned the server is SIGKILLed (no shutdown of any kind), started again on the same
/// database, and the step must be there, exactly once, with its values. Rooms are held in memory (ADR 0015); this
/// is what shows the memory is only a copy.
/// </summary>
public sealed class DurabilityTests : IAsyncLifetime
{
    private const string Answer = "A token bucket refills at a fixed rate and allows bursts up to its size. DURABLE-7f3a";
    private readonly string databasePath = InterviewRoomFactory.NewDatabasePath();
    private ServerProcess server = null!;

    [Fact]
    public async Task AKillStraightAfterEachAcknowledgedStep_LosesNothing_AndDuplicatesNothing()
    {
        var room = await server.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
        var seat = await server.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var questionId = (await server.Api().GetQuestionsAsync(room.InterviewerToken))[0].Id;

        // Ask
        var asked = await StepAsync(room.InterviewerToken, c => c.AskAsync(questionId, 300));
        var (ada, grace) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        var turn = Assert.Single(ada.Turns);
        Assert.Equal((asked.TurnId, questionId, TurnStatus.Asked, asked.Deadline), (turn.TurnId, turn.QuestionId, turn.Status, turn.Deadline));
        Assert.Equal(asked.TurnId, grace.CurrentTurn?.TurnId);

        // Acknowledge
        var delivered = await StepAsync(seat.Token, c => c.AcknowledgeAsync(asked.TurnId));
        (ada, _) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        turn = Assert.Single(ada.Turns);
        Assert.Equal((TurnStatus.Answering, delivered.DeliveredAt), (turn.Status, turn.DeliveredAt));

        // Submit, then the same submit again (a client that never heard back retries): one answer, the first time.
        var submitted = await StepAsync(seat.Token, c => c.SubmitAsync(asked.TurnId, Answer, "submit-1"));
        (ada, _) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        turn = Assert.Single(ada.Turns);
        Assert.Equal((TurnStatus.Submitted, Answer, submitted.SubmittedAt), (turn.Status, turn.AnswerText, turn.SubmittedAt));
        var retried = await StepAsync(seat.Token, c => c.SubmitAsync(asked.TurnId, Answer, "submit-1"));
        Assert.Equal(submitted.SubmittedAt, retried.SubmittedAt);

        // Score
        var criterion = asked.Interviewer!.Rubric.Criteria[0].Id;
        var scored = await StepAsync(room.InterviewerToken, c => c.ScoreAsync(
            asked.TurnId, new ScoreInput("score-1", [new CriterionRating(criterion, 2)], Notes: "Clear on bursts.")));
        (ada, _) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        var score = Assert.Single(ada.Turns).Interviewer?.Score;
        Assert.NotNull(score);
        Assert.Equal((1, scored.Overall, "Clear on bursts."), (score.Version, score.Overall, score.Notes));
        Assert.Equal([new CriterionRating(criterion, 2)], score.Ratings);
        Assert.Equal(1, ada.Turns[0].Interviewer!.ScoreVersions);

        // Reveal
        var revealed = await StepAsync(room.InterviewerToken, c => c.RevealAsync(asked.TurnId));
        (_, grace) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        Assert.Equal(revealed.Feedback?.RevealedAt, Assert.Single(grace.Turns).Feedback?.RevealedAt);
        Assert.NotNull(grace.Turns[0].Feedback);

        // Swap roles
        var swapped = await StepAsync(room.InterviewerToken, c => c.SwapRolesAsync());
        (ada, grace) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        Assert.Equal((2, ParticipantRole.Candidate, ParticipantRole.Interviewer), (ada.Round, ada.You.Role, grace.You.Role));
        Assert.Equal(swapped.Round, grace.Round);

        // End
        await StepAsync(seat.Token, async c => { await c.EndAsync(); return 0; }); // Grace interviews now
        (ada, grace) = await ReadBackAsync(room.InterviewerToken, seat.Token);
        Assert.NotNull(ada.EndedAt);
        Assert.NotNull(grace.EndedAt);
        Assert.Equal(asked.TurnId, Assert.Single(grace.Turns).TurnId); // nothing doubled by eight kills and a retry
        Assert.Equal((Answer, 1), (grace.Turns[0].AnswerText, grace.Turns[0].Feedback?.Score.Version));
    }

    public async Task InitializeAsync() => server = await StartAsync();

    public async Task DisposeAsync()
    {
        await server.DisposeAsync();
        ServerProcess.DeleteDatabase(databasePath);
    }

    /// <summary>Runs one call; the moment it returns, SIGKILLs the server, then starts it again on the same database.</summary>
    private async Task<T> StepAsync<T>(string token, Func<InterviewHubClient, Task<T>> call)
    {
        var client = server.Hub(token);
        await client.StartAsync();
        T result;
        try
        {
            result = await call(client);
        }
        finally
        {
            server.Kill();
        }

        await client.DisposeAsync();
        await server.DisposeAsync();
        server = await StartAsync();
        return result;
    }

    private async Task<(RoomState Interviewer, RoomState Candidate)> ReadBackAsync(string interviewerToken, string candidateToken)
    {
        await using var interviewer = server.Hub(interviewerToken);
        await using var candidate = server.Hub(candidateToken);
        return (await interviewer.StartAsync(), await candidate.StartAsync());
    }

    private Task<ServerProcess> StartAsync() =>
        ServerProcess.StartAsync(databasePath, new Dictionary<string, string?>(), "durable");
}
