namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>How much weight a draft item carries when the builder chooses the six it keeps.</summary>
internal enum DraftRole
{
    /// <summary>Something to hear in the answer: a fact, a technique, a step.</summary>
    Content,

    /// <summary>A quality of the answer rather than its content ("Answers clearly", "Gives examples of leadership…").</summary>
    Trait,

    /// <summary>Broad guidance that restates the topic ("Explains web security practices").</summary>
    Vague,

    /// <summary>An example or anecdote from a sample answer: kept last, and only when there is room.</summary>
    Example,
}

/// <summary>
/// A criterion before it is chosen: its text (at most <see cref="ItemText.MaxLength"/> characters, phrased for the
/// interviewer), its provenance, and, for a bundle ("Says disadvantages include A, B, C and D"), the items it splits
/// into when the rubric has room for them. <see cref="Group"/> numbers the source sentence or list it came from.
/// Roles as assigned over the seed: qualities from "Look for" (65, 122, 151), broad items (110, 130, 133), examples
/// and first-person anecdotes (26, 42, 100).
/// </summary>
internal sealed record Draft(string Text, string Source, string? Detail, DraftRole Role = DraftRole.Content)
{
    public IReadOnlyList<string>? Parts { get; init; }

    public int Group { get; init; }

    /// <summary>True when the item is the lead definition of a list or a table.</summary>
    public bool Lead { get; init; }
}
