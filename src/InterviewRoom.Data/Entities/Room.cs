namespace InterviewRoom.Data.Entities;

public sealed class Room
{
    public Guid Id { get; set; }

    /// <summary>The short code candidates and observers join with; it unlocks no interviewer power.</summary>
    public required string Code { get; set; }

    public string? Title { get; set; }

    public required DateTime CreatedAt { get; set; }

    /// <summary>After this instant the join code no longer admits anyone new.</summary>
    public required DateTime CodeExpiresAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>1 until the pair swaps roles; each swap starts the next round.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The class session this room belongs to, if an instructor's class made it.</summary>
    public Guid? ClassId { get; set; }

    public ClassSession? Class { get; set; }

    public List<Participant> Participants { get; set; } = [];

    public List<Turn> Turns { get; set; } = [];
}
