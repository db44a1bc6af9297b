using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Interview.Timing;

/// <summary>
/// The server's clock rules for a turn. The deadline is fixed when the question is asked (so time-up can fire
/// with nobody connected); response time runs from delivery (the candidate's acknowledgement) to submission,
/// both stamped by the server.
/// </summary>
internal static class TurnClock
{
    public const int MinTimeLimitSeconds = 3;
    public const int MaxTimeLimitSeconds = 3600;

    public static DateTime DeadlineOf(DateTime askedAt, int timeLimitSeconds) => askedAt.AddSeconds(timeLimitSeconds);

    public static bool IsOpen(Turn turn) => turn.SubmittedAt is null && turn.TimeUpAt is null && turn.ClosedAt is null;

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
