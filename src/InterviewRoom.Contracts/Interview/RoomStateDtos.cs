using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.Interview;

/// <summary>
/// Everything a (re)connecting client needs: the answer of <c>GetState()</c>. <see cref="Round"/> counts role
/// swaps; <see cref="AskedBefore"/> (interviewer only) lists the question ids the current candidate was
/// already asked, in this room or, for a class, in any room of the class: <c>Ask</c> refuses them.
/// <see cref="ObserverKey"/> (interviewer only) is the secret of the observer link, for the invite card.
/// <see cref="Seq"/> is the number of the room's latest push when the state was read: every push up to it is in
/// this state; the next one carries <c>Seq + 1</c> (docs/protocol.md section 6).
/// </summary>
public sealed record RoomState(
    Guid RoomId,
    string RoomCode,
    string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    ParticipantView You,
    IReadOnlyList<ParticipantView> Participants,
    TurnView? CurrentTurn,
    IReadOnlyList<TurnView> Turns,
    DateTimeOffset ServerTime,
    int Round = 1,
    Guid? ClassId = null,
    IReadOnlyList<int>? AskedBefore = null,
    string? ObserverKey = null,
    long Seq = 0);

/// <summary>
/// A participant of a room; <see cref="Online"/> is whether they have a live connection. <see cref="Seq"/>: the
/// push's number, on <c>ParticipantJoined</c> and <c>ParticipantLeft</c> only.
/// </summary>
public sealed record ParticipantView(Guid ParticipantId, string Name, ParticipantRole Role, bool Online, long? Seq = null);

/// <summary>Payload of <c>RoomEnded</c>, with the push's number.</summary>
public sealed record RoomEndedEvent(Guid RoomId, DateTimeOffset EndedAt, long? Seq = null);

/// <summary>Payload of <c>AnswerSubmitted</c> is the submitted <see cref="TurnView"/>; this is the answer of <c>Submit</c>.</summary>
public sealed record SubmitResult(Guid TurnId, DateTimeOffset SubmittedAt, long? ResponseTimeMs, bool IsLate);

/// <summary>
/// Payload of <c>RolesSwapped</c>: the interviewer and the candidate traded places; a new round begins. <see cref="Seq"/>:
/// the push's number (also in the result of <c>SwapRoles</c>).
/// </summary>
public sealed record RolesSwappedEvent(Guid RoomId, int Round, IReadOnlyList<ParticipantView> Participants, long? Seq = null);

/// <summary>
/// Payload of <c>SeatMoved</c>, sent to the connections of a seat an instructor took away: the person now sits in
/// <see cref="RoomId"/> (open it with the same class token), or in no room when it is null.
/// </summary>
public sealed record SeatMovedEvent(Guid FromRoomId, Guid? RoomId, string? RoomCode, ParticipantRole? Role);
