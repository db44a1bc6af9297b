using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>What the product adds to every rubric, whoever wrote the rest.</summary>
public static class StandardItems
{
    /// <summary>The id of the "said something wrong" tick; it caps the overall like any red flag.</summary>
    public const string SaidSomethingWrongId = "wrong";

    /// <summary>Always available, always last among the red flags (RUBRICS.md, "Red flags").</summary>
    public static RedFlag SaidSomethingWrong { get; } =
        new(SaidSomethingWrongId, "Says something wrong about a core point (say what in the notes)", RubricSources.Standard);

    /// <summary>The red flags with the standard tick last, added once.</summary>
    public static IReadOnlyList<RedFlag> WithSaidSomethingWrong(IEnumerable<RedFlag> redFlags) =>
        [.. redFlags.Where(f => f.Id != SaidSomethingWrongId), SaidSomethingWrong];
}
