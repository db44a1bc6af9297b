using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;

namespace InterviewRoom.IntegrationTests.Interview;

/// <summary>Issue 13, finding 5: every room-wide push is numbered, and a client that misses one reads the state again.</summary>
public sealed class PushSequenceTests : IAsyncLifetime
{
    private readonly PushDrops drops = new();
    private readonly InterviewRoomFactory factory;

    public PushSequenceTests() => factory = new InterviewRoomFactory(null, services: drops.Register);

    [Fact]
    public async Task APushLost_OnTheWayToTheInterviewer_IsNoticedAtTheNextPush_AndTheStateReadAgainShowsTheAnswer()
    {
        await using var session = await Session.StartAsync(factory);
        var missed = new Recorder<MissedPushes>();
        var synced = new Recorder<RoomState>();
        session.Interviewer.PushesMissed += missed.Add;
        session.Interviewer.StateSynced += synced.Add;
        var interviewer = (await session.Interviewer.GetStateAsync()).You.ParticipantId;
        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(1), 120);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn.TurnId);

        var dropped = drops.DropNext("AnswerSubmitted", interviewer);
        await session.Candidate.SubmitAsync(turn.TurnId, "Mostly with Git, in a team of five.");
        await dropped.WaitAsync(TimeSpan.FromSeconds(15));
        await session.Interviewer.AskAsync(await session.QuestionIdAsync(2), 120); // the next push shows the hole

        var gap = await missed.NextAsync();
        var state = await synced.NextAsync(s => s.Turns.Count == 2);
        Assert.Equal(gap.Known + 2, gap.Seen); // exactly one push skipped
        Assert.Equal("Mostly with Git, in a team of five.", state.Turns[0].AnswerText);
        Assert.Equal(TurnStatus.Submitted, state.Turns[0].Status);
        Assert.True(state.Seq >= gap.Seen);
        Assert.Empty(session.InterviewerPushed.Submitted.All); // it was lost, not late
        Assert.Empty(missed.All.Skip(1));
    }

    [Fact]
    public async Task EveryPushToTheRoom_TakesTheNextNumber_SoNothingLostMeansNoResync()
    {
        await using var session = await Session.StartAsync(factory);
        var missed = new Recorder<MissedPushes>();
        session.Interviewer.PushesMissed += missed.Add;
        session.Candidate.PushesMissed += missed.Add;
        var start = (await session.Candidate.GetStateAsync()).Seq;

        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(1), 120);
        var asked = await session.CandidatePushed.Asked.NextAsync();
        var delivered = await session.CandidatePushed.Delivered.NextAsync();
        await session.Candidate.SubmitAsync(turn.TurnId, "Yes.");
        var submitted = await session.InterviewerPushed.Submitted.NextAsync();
        var score = await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s1", Overall: 3));
        var scored = await session.InterviewerPushed.Scores.NextAsync();
        await session.Interviewer.RevealAsync(turn.TurnId);
        var revealed = await session.CandidatePushed.Revealed.NextAsync();
        var end = await session.Interviewer.GetStateAsync();

        Assert.Equal([start + 1, start + 2, start + 3, start + 4], new[] { asked.Seq, delivered.Seq, submitted.Seq, revealed.Seq });
        Assert.Equal(start + 3, scored.Seq); // to the asker only: the room's latest number, none of its own
        Assert.Equal(start + 4, end.Seq);
        Assert.Equal(start + 4, session.Candidate.KnownSeq);
        Assert.Empty(missed.All);
        Assert.Null(score.Seq); // a method result carries no number
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();
}
