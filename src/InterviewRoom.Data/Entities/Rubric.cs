using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Data.Entities;

/// <summary>One version of a question's rubric. Scores point at the version they were given against.</summary>
public sealed class Rubric
{
    public int Id { get; set; }

    public int QuestionId { get; set; }

    public Question? Question { get; set; }

    public required int Version { get; set; }

    public List<Criterion> Criteria { get; set; } = [];

    public List<RedFlag> RedFlags { get; set; } = [];

    public required DateTime CreatedAt { get; set; }
}
