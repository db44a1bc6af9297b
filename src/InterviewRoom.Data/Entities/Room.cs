namespace InterviewRoom.Data.Entities;

public sealed class Room
{
    public Guid Id { get; set; }

    /// <summary>The short code candidates and observers join with; it unlocks no interviewer power.</summary>
    public required string Code { get; set; }

    /// <summary>
    /// The secret of the room's observer link (256 random bits): observers join only with it, so a guessed or
    /// overheard code is never a seat that watches answers (ADR 17). Kept in clear, like the code, because the
    /// interviewer's page shows the link again on any device. Null for class rooms (the instructor seats
    /// everyone) and rooms created before observer links (they admit no observers).
    /// </summary>
    public string? ObserverKey { get; set; }

    public string? Title { get; set; }

    public required DateTime CreatedAt { get; set; }

    /// <summary>After this instant the join code no longer admits anyone new.</summary>
    public required DateTime CodeExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>1 until the pair swaps roles; each swap starts the next round.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The class session this room belongs to, if an instructor's class made it.</summary>
    public Guid? ClassId { get; set; }

    /// <summary>
    /// Goes up by one with every change to the room, its seats, turns or scores, in the same transaction. A server
    /// instance's in-memory copy of the room is valid while its version matches (ADR 0015).
    /// </summary>
    public long Version { get; set; }

    /// <summary>
    /// The number of the room's latest room-wide push (0 before the first). Every push that goes to the whole room takes
    /// the next one, atomically, on whichever instance sends it, so a client that sees a number skipped knows it missed
    /// a push and re-reads the state (ADR 0018). Not part of <see cref="Version"/>: presence pushes change no room.
    /// </summary>
    public long PushSequence { get; set; }

    public ClassSession? Class { get; set; }

    public List<Participant> Participants { get; set; } = [];

    public List<Turn> Turns { get; set; } = [];
}
