using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Data.Entities;

public sealed class Participant
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public Room? Room { get; set; }

    public required ParticipantRole Role { get; set; }

    public required string Name { get; set; }

    /// <summary>
    /// SHA-256 of the seat's own bearer token (hex); the token itself is never stored. Null for a class seat,
    /// which its student or instructor reaches with their class token instead (<see cref="PrincipalId"/>).
    /// </summary>
    public string? TokenHash { get; set; }

    /// <summary>The class student (or, for the class's instructor, the class) this seat belongs to; null otherwise.</summary>
    public Guid? PrincipalId { get; set; }

    public required DateTime JoinedAt { get; set; }

    /// <summary>When an instructor moved this person elsewhere: the seat stays for the record but admits no one.</summary>
    public DateTime? RemovedAt { get; set; }
}
