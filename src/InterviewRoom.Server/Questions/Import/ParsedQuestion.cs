using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>One question as the seed importer understood it: cleaned text, guidance split out, classified.</summary>
public sealed record ParsedQuestion
{
    public required int Number { get; init; }

    public required string Text { get; init; }

    /// <summary>The reference answer with page noise removed and characters repaired; lists and tables intact.</summary>
    public required string ReferenceAnswer { get; init; }

    public required QuestionKind Kind { get; init; }

    public required IReadOnlyList<string> Topics { get; init; }

    public required int DefaultTimeLimitSeconds { get; init; }

    /// <summary>Interviewer guidance found in the answer, in document order.</summary>
    public required IReadOnlyList<GuidanceItem> Guidance { get; init; }

    /// <summary>The number of an earlier question with the same text, when this one repeats it.</summary>
    public int? DuplicateOfNumber { get; init; }

    /// <summary>Why the reference answer does not answer its question, when it does not.</summary>
    public string? AnswerMismatch { get; init; }
}
