namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// What the answer's earlier sentences tell a later one: the last plain subject ("It is a stronger condition…" after
/// "A wait-free algorithm guarantees…", 22), the subject of a run of verb-first sentences (99), the whole text for
/// casing, and the group number of the current paragraph or list.
/// </summary>
internal sealed class AnswerState(string context, string source)
{
    public string Context { get; } = context;

    public string? Subject { get; private set; }

    /// <summary>The subject a run of verb-first sentences shares ("Optimistic locking is a strategy that: Assumes…").</summary>
    public string? Continuation { get; set; }

    public int Group { get; set; }

    public void Remember(string sentence) => Subject = Subjects.Of(sentence);

    public void Keep(string subject) => Subject = subject;

    public Draft Draft(string text, DraftRole role) =>
        new(ItemText.UpperFirst(ItemText.Tidy(text)), source, null, role) { Group = Group };
}
