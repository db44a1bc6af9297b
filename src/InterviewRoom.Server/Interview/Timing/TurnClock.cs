using System.Linq.Expressions;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Interview.Timing;

/// <summary>
/// The server's clock rules for a turn, each named once and used everywhere (in memory and in database queries).
/// The clock starts when the candidate can see the question: asking sets a deadline from the ask (so a question
/// nobody receives still times up, with nobody connected), and delivery (the candidate's first acknowledgement)
/// moves it to delivery + time limit, so a candidate who joins late still gets the whole time box. Response time
/// runs from delivery to submission; every instant is the server's.
/// </summary>
internal static class TurnClock
{
    public const int MinTimeLimitSeconds = 3;
    public const int MaxTimeLimitSeconds = 3600;

    /// <summary>"The turn is open": not answered, not timed up, not closed by the end of the room. As a query predicate.</summary>
    public static readonly Expression<Func<Turn, bool>> Open = t => t.SubmittedAt == null && t.TimeUpAt == null && t.ClosedAt == null;

    /// <summary>The same rule as the column conditions of a plain guarded UPDATE (<see cref="State.RoomSql"/>).</summary>
    public static readonly (string Property, object? Value)[] OpenColumns =
        [(nameof(Turn.SubmittedAt), null), (nameof(Turn.TimeUpAt), null), (nameof(Turn.ClosedAt), null)];

    private static readonly Func<Turn, bool> OpenNow = Open.Compile();

    public static DateTime DeadlineOf(DateTime askedAt, int timeLimitSeconds) => askedAt.AddSeconds(timeLimitSeconds);

    /// <summary>
    /// The deadline once the question reaches the candidate at <paramref name="deliveredAt"/>: the whole time box from
    /// then, while the turn is still running; a turn whose time already ran out (time-up about to fire) keeps it.
    /// </summary>
    public static DateTime DeadlineAtDelivery(Turn turn, DateTime deliveredAt) =>
        IsRunning(turn, deliveredAt) ? DeadlineOf(deliveredAt, turn.TimeLimitSeconds) : turn.Deadline;

    /// <summary>The turn is open (<see cref="Open"/>), in memory.</summary>
    public static bool IsOpen(Turn turn) => OpenNow(turn);

    /// <summary>"Open and before its deadline": the question is still being answered, so nothing else may be asked yet.</summary>
    /// <summary>The answer is in or the time ran out: the turn can be scored.</summary>
    public static bool IsAnsweredOrTimedUp(Turn turn) => turn.SubmittedAt is not null || turn.TimeUpAt is not null;

    public static bool IsRunning(Turn turn, DateTime now) => IsOpen(turn) && turn.Deadline > now;

    /// <summary>The time box a question may be given, checked the same for an interviewer's ask and a class push.</summary>
    public static int CheckTimeLimit(int seconds) =>
        seconds is >= MinTimeLimitSeconds and <= MaxTimeLimitSeconds
            ? seconds
            : throw RoomRuleException.Invalid($"timeLimitSeconds must be between {MinTimeLimitSeconds} and {MaxTimeLimitSeconds}.");

    public static bool IsLate(Turn turn) => turn.SubmittedAt > turn.Deadline;

    /// <summary>Submission minus delivery; from the ask when the client never acknowledged.</summary>
    public static long? ResponseTimeMs(Turn turn) =>
        turn.SubmittedAt is { } submitted
            ? (long)Math.Round((submitted - (turn.DeliveredAt ?? turn.AskedAt)).TotalMilliseconds)
            : null;

    public static TurnStatus StatusOf(Turn turn) => turn switch
    {
        { SubmittedAt: not null } => TurnStatus.Submitted,
        { TimeUpAt: not null } => TurnStatus.TimeUp,
        { ClosedAt: not null } => TurnStatus.Closed,
        { DeliveredAt: not null } => TurnStatus.Answering,
        _ => TurnStatus.Asked,
    };
}
