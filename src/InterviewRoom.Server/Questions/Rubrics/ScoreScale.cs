using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>The one anchored 1..5 scale every answer is scored on (PRODUCT.md, "The rubric").</summary>
public static class ScoreScale
{
    /// <summary>The highest overall score an answer can get once any red flag is ticked.</summary>
    public const int RedFlagCap = 2;

    public const int Min = 1;

    public const int Max = 5;

    public static IReadOnlyList<ScaleAnchor> Anchors { get; } =
    [
        new(1, "No relevant evidence, or the answer is wrong."),
        new(2, "Touches the topic but misses most core points, or gets a core point wrong."),
        new(3, "Covers the core points."),
        new(4, "Covers the core points accurately and with some depth or a relevant example."),
        new(5, "Complete and precise, with concrete examples."),
    ];
}
