using InterviewRoom.Contracts.Classes;

namespace InterviewRoom.Data.Entities;

/// <summary>An instructor's live session: students join with one code; the instructor pairs them into rooms.</summary>
public sealed class ClassSession
{
    public Guid Id { get; set; }

    public required string Name { get; set; }

    /// <summary>The short code students join with; it unlocks no instructor power.</summary>
    public required string Code { get; set; }

    public required DateTime CodeExpiresAt { get; set; }

    public required string InstructorName { get; set; }

    /// <summary>SHA-256 of the instructor's bearer token (hex).</summary>
    public required string InstructorTokenHash { get; set; }

    public required DateTime CreatedAt { get; set; }

    public DateTime? EndedAt { get; set; }

    /// <summary>How the rooms were last arranged.</summary>
    public ClassMode Mode { get; set; } = ClassMode.Lobby;

    /// <summary>How many times the students were paired (each pairing rotates roles and partners).</summary>
    public int Round { get; set; }

    /// <summary>The question set, in order, each with its time box.</summary>
    public List<ClassQuestion> Questions { get; set; } = [];

    public List<ClassStudent> Students { get; set; } = [];

    public List<Room> Rooms { get; set; } = [];
}

public sealed record ClassQuestion(int QuestionId, int TimeLimitSeconds);

public sealed class ClassStudent
{
    public Guid Id { get; set; }

    public Guid ClassId { get; set; }

    public ClassSession? Class { get; set; }

    public required string Name { get; set; }

    /// <summary>SHA-256 of the student's bearer token (hex).</summary>
    public required string TokenHash { get; set; }

    public required DateTime JoinedAt { get; set; }
}
