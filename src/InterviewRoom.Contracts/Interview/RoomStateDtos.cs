using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.Interview;

/// <summary>Everything a (re)connecting client needs: the answer of <c>GetState()</c>.</summary>
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
    DateTimeOffset ServerTime);

/// <summary>A participant of a room; <see cref="Online"/> is whether they have a live connection.</summary>
public sealed record ParticipantView(Guid ParticipantId, string Name, ParticipantRole Role, bool Online);

/// <summary>Payload of <c>RoomEnded</c>.</summary>
public sealed record RoomEndedEvent(Guid RoomId, DateTimeOffset EndedAt);

/// <summary>Payload of <c>AnswerSubmitted</c> is the submitted <see cref="TurnView"/>; this is the answer of <c>Submit</c>.</summary>
public sealed record SubmitResult(Guid TurnId, DateTimeOffset SubmittedAt, long? ResponseTimeMs, bool IsLate);
