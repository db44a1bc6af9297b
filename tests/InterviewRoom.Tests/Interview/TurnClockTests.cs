using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Interview.Timing;

namespace InterviewRoom.Tests.Interview;

public sealed class TurnClockTests
{
    private static readonly DateTime Asked = new(2026, 11, 28, 10, 0, 0, DateTimeKind.Utc);

    private static Turn TurnOf(int seconds = 60) => new()
    {
        Ordinal = 1,
        TimeLimitSeconds = seconds,
        AskedAt = Asked,
        Deadline = TurnClock.DeadlineOf(Asked, seconds),
    };

    [Fact]
    public void Deadline_IsTheAskInstantPlusTheTimeBox() =>
        Assert.Equal(Asked.AddSeconds(90), TurnOf(90).Deadline);

    [Fact]
    public void ResponseTime_RunsFromDeliveryToSubmission()
    {
        var turn = TurnOf();
        turn.DeliveredAt = Asked.AddMilliseconds(250);
        turn.SubmittedAt = Asked.AddSeconds(42);
        Assert.Equal(41_750, TurnClock.ResponseTimeMs(turn));
    }

    [Fact]
    public void ResponseTime_WithoutAnAcknowledgement_RunsFromTheAsk()
    {
        var turn = TurnOf();
        turn.SubmittedAt = Asked.AddSeconds(10);
        Assert.Equal(10_000, TurnClock.ResponseTimeMs(turn));
    }

    [Fact]
    public void Submit_AfterDeadline_IsMarkedLate_AndAtTheDeadline_IsNot()
    {
        var late = TurnOf(30);
        late.SubmittedAt = Asked.AddSeconds(30).AddMilliseconds(1);
        var onTime = TurnOf(30);
        onTime.SubmittedAt = Asked.AddSeconds(30);
        Assert.True(TurnClock.IsLate(late));
        Assert.False(TurnClock.IsLate(onTime));
    }

    [Fact]
    public void Status_FollowsTheTurnThroughItsLife()
    {
        var turn = TurnOf();
        Assert.Equal(TurnStatus.Asked, TurnClock.StatusOf(turn));
        turn.DeliveredAt = Asked.AddSeconds(1);
        Assert.Equal(TurnStatus.Answering, TurnClock.StatusOf(turn));
        Assert.True(TurnClock.IsOpen(turn));
        turn.TimeUpAt = turn.Deadline;
        Assert.Equal(TurnStatus.TimeUp, TurnClock.StatusOf(turn));
        Assert.False(TurnClock.IsOpen(turn));
        turn.SubmittedAt = turn.Deadline.AddSeconds(5);
        Assert.Equal(TurnStatus.Submitted, TurnClock.StatusOf(turn));
    }

    [Fact]
    public void ATurn_CanBeScoredOnceAnsweredOrTimedUp_NotWhileRunningOrWhenClosedUnanswered()
    {
        var running = TurnOf();
        var answered = TurnOf();
        answered.SubmittedAt = Asked.AddSeconds(20);
        var timedUp = TurnOf();
        timedUp.TimeUpAt = timedUp.Deadline;
        var closed = TurnOf();
        closed.ClosedAt = Asked.AddSeconds(5);

        Assert.False(TurnClock.IsAnsweredOrTimedUp(running));
        Assert.True(TurnClock.IsAnsweredOrTimedUp(answered));
        Assert.True(TurnClock.IsAnsweredOrTimedUp(timedUp));
        Assert.False(TurnClock.IsAnsweredOrTimedUp(closed));
    }

    [Fact]
    public void Status_OfATurnOpenWhenTheRoomEnded_IsClosed()
    {
        var turn = TurnOf();
        turn.ClosedAt = Asked.AddSeconds(3);
        Assert.Equal(TurnStatus.Closed, TurnClock.StatusOf(turn));
    }
}
