using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Data.Entities;

/// <summary>A question of a bank. Seed questions are keyed by (Bank, Number) so a re-import finds them.</summary>
public sealed class Question
{
    public int Id { get; set; }

    public required string Bank { get; set; }

    public required int Number { get; set; }

    public required string Text { get; set; }

    public required string ReferenceAnswer { get; set; }

    public required QuestionKind Kind { get; set; }

    public List<string> Topics { get; set; } = [];

    public required int DefaultTimeLimitSeconds { get; set; }

    public List<GuidanceItem> Guidance { get; set; } = [];

    public int? DuplicateOfNumber { get; set; }

    public string? AnswerMismatch { get; set; }

    /// <summary>Hash of the imported content; a re-import with the same hash changes nothing.</summary>
    public required string ImportHash { get; set; }

    /// <summary>Set when a user edits the question; the seed import then leaves it alone.</summary>
    public DateTime? EditedAt { get; set; }

    public List<Rubric> Rubrics { get; set; } = [];
}
