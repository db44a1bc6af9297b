using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.Matchmaking;

/// <summary>The role a person in the queue wants to start with; "either" fills the gaps.</summary>
public enum QueueRole
{
    Interviewer,
    Candidate,
    Either,
}

/// <summary>
/// Argument of <c>JoinQueue</c>. Empty topic and kind lists mean "any"; two people are compatible when their
/// lists overlap (or one is empty), their levels match (or one has none) and their roles complement.
/// </summary>
public sealed record QueueRequest(
    string? Name,
    IReadOnlyList<string>? Topics = null,
    IReadOnlyList<QuestionKind>? Kinds = null,
    QueueRole? PreferredRole = null,
    string? Level = null);

/// <summary>The answer of <c>JoinQueue</c>: the person is waiting until <see cref="ExpiresAt"/> at the latest.</summary>
public sealed record QueueTicketView(Guid TicketId, DateTimeOffset JoinedAt, DateTimeOffset ExpiresAt, int Waiting);

/// <summary>
/// <c>Paired</c>: a room was made for the person and a partner. <see cref="Token"/> is this person's own room token
/// (sent to their connection only); <see cref="RoomUrl"/> is the page to open with it.
/// </summary>
public sealed record PairedEvent(
    Guid TicketId,
    Guid RoomId,
    string RoomCode,
    Guid ParticipantId,
    ParticipantRole Role,
    string Token,
    string PartnerName,
    IReadOnlyList<string> Topics,
    IReadOnlyList<QuestionKind> Kinds,
    string RoomUrl);

/// <summary><c>QueueClosed</c>: the person is out of the queue without a pair, and why.</summary>
public sealed record QueueClosedEvent(Guid TicketId, QueueClosedReason Reason, string Message);

public enum QueueClosedReason
{
    /// <summary>Nobody compatible arrived within the queue's waiting limit.</summary>
    TimedOut,
}

/// <summary>The fixed names of the matchmaking hub.</summary>
public static class MatchmakingHubNames
{
    public const string Path = "/hubs/matchmaking";

    public static class Methods
    {
        public const string JoinQueue = nameof(JoinQueue);
        public const string LeaveQueue = nameof(LeaveQueue);
    }

    public static class Events
    {
        public const string Paired = nameof(Paired);
        public const string QueueClosed = nameof(QueueClosed);
    }
}
