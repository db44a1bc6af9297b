using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Data.Entities;

/// <summary>
/// One version of a question's rubric. Scores point at the version they were given against; a changed rubric is
/// a new version, never an edit of this one.
/// </summary>
public sealed class Rubric
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public Question? Question { get; set; }

    public required int Version { get; set; }

    public List<Criterion> Criteria { get; set; } = [];

    public List<RedFlag> RedFlags { get; set; } = [];

    /// <summary>Levels 1, 3 and 5 written for this question (empty on versions made before anchors existed).</summary>
    public List<ScaleAnchor> Anchors { get; set; } = [];

    /// <summary>For the interviewer: a problem in the source, or how to use the question.</summary>
    public string? Note { get; set; }

    /// <summary>Why this rubric should not be trusted as is, while nobody has reviewed it.</summary>
    public string? NeedsReview { get; set; }

    /// <summary>A person reviewed this rubric (the built-in bank's review file, or an edit).</summary>
    public bool Reviewed { get; set; }

    public required DateTime CreatedAt { get; set; }
}
