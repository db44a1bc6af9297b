using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.Interview;

/// <summary>
/// Everything a (re)connecting client needs: the answer of <c>GetState()</c>. <see cref="Round"/> counts role
/// swaps; <see cref="AskedBefore"/> (interviewer only) lists the question ids the current candidate was
/// already asked, in this room or, for a class, in any room of the class: <c>Ask</c> refuses them.
/// <see cref="ObserverKey"/> (interviewer only) is the secret of the observer link, for the invite card.
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
    string? ObserverKey = null);

/// <summary>A participant of a room; <see cref="Online"/> is whether they have a live connection.</summary>
public sealed record ParticipantView(Guid ParticipantId, string Name, ParticipantRole Role, bool Online);

/// <summary>Payload of <c>RoomEnded</c>.</summary>
public sealed record RoomEndedEvent(Guid RoomId, DateTimeOffset EndedAt);

/// <summary>Payload of <c>AnswerSubmitted</c> is the submitted <see cref="TurnView"/>; this is the answer of <c>Submit</c>.</summary>
public sealed record SubmitResult(Guid TurnId, DateTimeOffset SubmittedAt, long? ResponseTimeMs, bool IsLate);

/// <summary>Payload of <c>RolesSwapped</c>: the interviewer and the candidate traded places; a new round begins.</summary>
public sealed record RolesSwappedEvent(Guid RoomId, int Round, IReadOnlyList<ParticipantView> Participants);

/// <summary>
/// Payload of <c>SeatMoved</c>, sent to the connections of a seat an instructor took away: the person now sits in
/// <see cref="RoomId"/> (open it with the same class token), or in no room when it is null.
/// </summary>
public sealed record SeatMovedEvent(Guid FromRoomId, Guid? RoomId, string? RoomCode, ParticipantRole? Role);
