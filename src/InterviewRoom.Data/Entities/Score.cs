using InterviewRoom.Contracts.Interview;

namespace InterviewRoom.Data.Entities;

/// <summary>One version of an answer's score. An edit adds a version; nothing is overwritten.</summary>
public sealed class Score
{
    public int Id { get; set; }

    public Guid TurnId { get; set; }

    public Turn? Turn { get; set; }

    /// <summary>1, 2, 3… per turn; unique, which is what detects two concurrent edits.</summary>
    public required int Version { get; set; }

    /// <summary>The caller's id for this write; unique per turn so a retry stores nothing new.</summary>
    public required string ClientRequestId { get; set; }

    public required Guid ScoredBy { get; set; }

    public required DateTime ScoredAt { get; set; }

    public int RubricId { get; set; }

    public Rubric? Rubric { get; set; }

    public List<CriterionRating> Ratings { get; set; } = [];

    public List<string> RedFlags { get; set; } = [];

    public int? SuggestedOverall { get; set; }

    public int? Overall { get; set; }

    public bool NotAssessed { get; set; }

    public string? Notes { get; set; }
}
