namespace InterviewRoom.Contracts.Rooms;

/// <summary>Body of POST /api/rooms. Both fields are optional.</summary>
public sealed record CreateRoomRequest(string? InterviewerName = null, string? Title = null);

/// <summary>201 answer of POST /api/rooms. The interviewer token is a secret: keep it out of shared links.</summary>
public sealed record CreateRoomResponse(Guid RoomId, string RoomCode, string InterviewerToken, string CandidateJoinUrl);

/// <summary>Body of POST /api/rooms/{roomCode}/join; role is "candidate" or "observer".</summary>
public sealed record JoinRoomRequest(string? Name, string? Role);

public sealed record JoinRoomResponse(Guid RoomId, Guid ParticipantId, ParticipantRole Role, string Token);

public enum ParticipantRole
{
    Interviewer,
    Candidate,
    Observer,
}
