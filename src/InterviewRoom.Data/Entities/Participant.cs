using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Data.Entities;

public sealed class Participant
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public Room? Room { get; set; }

    public required ParticipantRole Role { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the bearer token (hex). The token itself is never stored.</summary>
    public required string TokenHash { get; set; }

    public required DateTime JoinedAt { get; set; }
}
