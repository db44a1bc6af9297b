namespace InterviewRoom.Contracts.Rooms;

/// <summary>Body of POST /api/rooms. Both fields are optional.</summary>
public sealed record CreateRoomRequest(string? InterviewerName = null, string? Title = null);

/// <summary>
/// 201 answer of POST /api/rooms. The interviewer token is a secret: keep it out of shared links. The observer key
/// (inside <see cref="ObserverJoinUrl"/>) admits observers: give it only to people who may watch the answers.
/// </summary>
public sealed record CreateRoomResponse(
    Guid RoomId, string RoomCode, string InterviewerToken, string CandidateJoinUrl, string ObserverKey, string ObserverJoinUrl);

/// <summary>
/// Body of POST /api/rooms/{roomCode}/join; role is "candidate" or "observer". An observer must bring the room's
/// observer key (the <c>#observer=</c> part of the observer link).
/// </summary>
public sealed record JoinRoomRequest(string? Name, string? Role, string? ObserverKey = null);

public sealed record JoinRoomResponse(Guid RoomId, Guid ParticipantId, ParticipantRole Role, string Token);

public enum ParticipantRole
{
    Interviewer,
    Candidate,
    Observer,
}
