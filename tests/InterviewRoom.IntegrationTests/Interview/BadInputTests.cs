using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.IntegrationTests.Interview;

/// <summary>Every mistake gets a clear HubException and changes nothing in the database.</summary>
public sealed class BadInputTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task InterviewerOnlyMethods_CalledByCandidateOrObserver_AreRefused_AndChangeNothing()
    {
        await using var session = await Session.StartAsync(factory);
        var turn = await AnsweredTurnAsync(session);
        var observerSeat = await session.Api.JoinAsObserverAsync(session.Room.RoomCode, session.Room.ObserverKey, "Linus");
        await using var observer = factory.Hub(observerSeat.Token);
        await observer.StartAsync();
        var before = await SnapshotAsync(session.Room.RoomId);

        foreach (var caller in new[] { session.Candidate, observer })
        {
            await HubAssert.RefusedAsync(() => caller.AskAsync(turn.QuestionId, 60), "[wrong_role] Only the interviewer can ask a question.");
            await HubAssert.RefusedAsync(() => caller.ScoreAsync(turn.TurnId, new ScoreInput("x", Overall: 5)), "Only the interviewer can score an answer.");
            await HubAssert.RefusedAsync(() => caller.EndAsync(), "Only the interviewer can end the room.");
        }

        await HubAssert.RefusedAsync(() => observer.SubmitAsync(turn.TurnId, "mine", "o-1"), "[wrong_role] Only the candidate can submit an answer.");
        await HubAssert.RefusedAsync(() => session.Interviewer.SubmitAsync(turn.TurnId, "mine", "i-1"), "Only the candidate can submit an answer.");
        await HubAssert.RefusedAsync(() => session.Interviewer.AcknowledgeAsync(turn.TurnId), "Only the candidate can acknowledge a question.");
        Assert.Equal(before, await SnapshotAsync(session.Room.RoomId));
    }

    [Fact]
    public async Task CallsAboutAnotherRoomsTurn_AreRefusedAsUnknown_AndChangeNothing()
    {
        await using var roomA = await Session.StartAsync(factory);
        await using var roomB = await Session.StartAsync(factory);
        var turnA = await AnsweredTurnAsync(roomA);
        var beforeA = await SnapshotAsync(roomA.Room.RoomId);

        await HubAssert.RefusedAsync(() => roomB.Interviewer.ScoreAsync(turnA.TurnId, new ScoreInput("b", Overall: 1)), "There is no such question in this room.");
        await HubAssert.RefusedAsync(() => roomB.Candidate.SubmitAsync(turnA.TurnId, "hijack", "b-1"), "There is no such question in this room.");
        await HubAssert.RefusedAsync(() => roomB.Candidate.AcknowledgeAsync(turnA.TurnId), "There is no such question in this room.");
        var report = await Assert.ThrowsAsync<Client.InterviewRoomApiException>(
            () => roomB.Api.GetReportAsync(roomA.Room.RoomId, roomB.Room.InterviewerToken));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, report.Status);
        Assert.Equal(beforeA, await SnapshotAsync(roomA.Room.RoomId));
    }

    [Fact]
    public async Task Ask_UnknownQuestionOrTimeBoxOutOfRange_IsRefused()
    {
        await using var session = await Session.StartAsync(factory);
        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(987654, 60), "There is no question with id 987654.");
        var questionId = await session.QuestionIdAsync(1);
        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(questionId, 2), "timeLimitSeconds must be between 3 and 3600.");
        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(questionId, 3601), "timeLimitSeconds must be between 3 and 3600.");
        Assert.Equal(0, (await SnapshotAsync(session.Room.RoomId)).Turns);
    }

    [Fact]
    public async Task Ask_WhileAQuestionIsOpen_IsRefused()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(1);
        await session.Interviewer.AskAsync(questionId, 600);
        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(questionId, 600), "Question 1 is still open");
        Assert.Equal(1, (await SnapshotAsync(session.Room.RoomId)).Turns);
    }

    [Fact]
    public async Task Submit_Twice_TheRetryGetsTheSameResult_AndAnotherAnswerIsRefused()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(2);
        var turn = await session.Interviewer.AskAsync(questionId, 60);
        var first = await session.Candidate.SubmitAsync(turn.TurnId, "first", "req-1");
        var retry = await session.Candidate.SubmitAsync(turn.TurnId, "first", "req-1");
        Assert.Equal(first, retry);

        await HubAssert.RefusedAsync(() => session.Candidate.SubmitAsync(turn.TurnId, "second", "req-2"), "An answer to this question was already submitted.");
        var state = await session.Interviewer.GetStateAsync();
        Assert.Equal("first", state.CurrentTurn!.AnswerText);
        Assert.Single(session.InterviewerPushed.Submitted.All);
    }

    [Fact]
    public async Task Score_BeforeAnAnswer_IsRefused()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(2);
        var turn = await session.Interviewer.AskAsync(questionId, 60);
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("early", Overall: 3)),
            "There is no answer to score yet: the candidate is still answering.");
        Assert.Equal(0, (await SnapshotAsync(session.Room.RoomId)).Scores);
    }

    [Fact]
    public async Task Score_WithUnknownCriterionOrOutOfRangeValues_IsRefusedWithTheReason()
    {
        await using var session = await Session.StartAsync(factory);
        var turn = await AnsweredTurnAsync(session);
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("a", [new CriterionRating("c99", 1)])), "Unknown criterion 'c99'");
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("b", [new CriterionRating("c1", 3)])), "use 0 (not shown), 1 (partly) or 2 (clearly)");
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("c", Overall: 6)), "overall must be 1 to 5, not 6.");
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("d")), "Rate at least one criterion");
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("", Overall: 3)), "clientRequestId is required");
        Assert.Equal(0, (await SnapshotAsync(session.Room.RoomId)).Scores);
    }

    [Fact]
    public async Task Submit_AnswerOverTheSizeLimit_GetsAFriendlyError_AndTheConnectionStaysUp()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(2);
        var turn = await session.Interviewer.AskAsync(questionId, 60);
        var tooLong = new string('x', 20_001);

        await HubAssert.RefusedAsync(() => session.Candidate.SubmitAsync(turn.TurnId, tooLong, "big"), "the limit is 20,000. Nothing was saved.");
        var state = await session.Candidate.GetStateAsync();
        Assert.Null(state.CurrentTurn!.AnswerText);
        var ok = await session.Candidate.SubmitAsync(turn.TurnId, new string('y', 20_000), "fits");
        Assert.False(ok.IsLate);
    }

    [Fact]
    public async Task EveryCall_AfterEnd_IsRefused_ButStateCanStillBeRead()
    {
        await using var session = await Session.StartAsync(factory);
        var turn = await AnsweredTurnAsync(session);
        await session.Interviewer.EndAsync();
        var before = await SnapshotAsync(session.Room.RoomId);

        const string ended = "This room has ended";
        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(turn.QuestionId, 60), ended);
        await HubAssert.RefusedAsync(() => session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("late", Overall: 2)), ended);
        await HubAssert.RefusedAsync(() => session.Interviewer.EndAsync(), ended);
        await HubAssert.RefusedAsync(() => session.Candidate.SubmitAsync(turn.TurnId, "late", "late-1"), ended);
        await HubAssert.RefusedAsync(() => session.Candidate.AcknowledgeAsync(turn.TurnId), ended);

        var state = await session.Candidate.GetStateAsync();
        Assert.NotNull(state.EndedAt);
        Assert.Equal(before, await SnapshotAsync(session.Room.RoomId));
        var join = await Assert.ThrowsAsync<Client.InterviewRoomApiException>(
            () => session.Api.JoinAsObserverAsync(session.Room.RoomCode, session.Room.ObserverKey, "Late"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, join.Status);
    }

    [Fact]
    public async Task Retries_OfWritesThatLandedBeforeEnd_GetTheStoredResultAfterEnd()
    {
        await using var session = await Session.StartAsync(factory);
        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(2), 60);
        var submitted = await session.Candidate.SubmitAsync(turn.TurnId, "answer", "submit-1");
        var scored = await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("score-1", Overall: 4));
        await session.Interviewer.EndAsync();

        Assert.Equal(submitted, await session.Candidate.SubmitAsync(turn.TurnId, "answer", "submit-1"));
        var replayed = await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("score-1", Overall: 4));
        Assert.Equal((scored.Version, scored.Overall, scored.ScoredAt), (replayed.Version, replayed.Overall, replayed.ScoredAt));
        Assert.Equal(1, (await SnapshotAsync(session.Room.RoomId)).Scores);
    }

    [Fact]
    public async Task End_WithAQuestionOpen_ClosesIt_AndNoTimeUpFollows()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(4);
        var turn = await session.Interviewer.AskAsync(questionId, 3);
        await session.Interviewer.EndAsync();
        await session.CandidatePushed.Ended.NextAsync();

        var state = await session.Interviewer.GetStateAsync();
        Assert.Equal(TurnStatus.Closed, state.CurrentTurn!.Status);
        await Eventually.TrueAsync(
            async () => DateTimeOffset.UtcNow > turn.Deadline.AddSeconds(1), TimeSpan.FromSeconds(10), "the deadline to pass");
        Assert.Empty(session.InterviewerPushed.TimeUp.All);
        Assert.Equal(TurnStatus.Closed, (await session.Interviewer.GetStateAsync()).CurrentTurn!.Status);
    }

    private static async Task<TurnView> AnsweredTurnAsync(Session session)
    {
        var questionId = await session.QuestionIdAsync(2);
        var turn = await session.Interviewer.AskAsync(questionId, 60);
        await session.Candidate.SubmitAsync(turn.TurnId, "an answer", Guid.NewGuid().ToString("N"));
        return turn;
    }


    private sealed record Snapshot(int Turns, int Scores, string Answers, DateTime? EndedAt, string Deliveries);

    private Task<Snapshot> SnapshotAsync(Guid roomId) => factory.WithDbAsync(async db =>
    {
        var turns = await db.Turns.AsNoTracking().Where(t => t.RoomId == roomId).OrderBy(t => t.Ordinal).ToListAsync();
        var scores = await db.Scores.CountAsync(s => s.Turn!.RoomId == roomId);
        var room = await db.Rooms.AsNoTracking().SingleAsync(r => r.Id == roomId);
        return new Snapshot(
            turns.Count,
            scores,
            string.Join("|", turns.Select(t => $"{t.AnswerText}@{t.SubmittedAt:O}")),
            room.EndedAt,
            string.Join("|", turns.Select(t => $"{t.DeliveredAt:O}")));
    });
}
