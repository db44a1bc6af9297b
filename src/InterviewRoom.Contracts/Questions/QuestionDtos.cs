namespace InterviewRoom.Contracts.Questions;

/// <summary>One question of the bank as an interviewer sees it (GET /api/questions).</summary>
public sealed record QuestionDto(
    int Id,
    string Bank,
    int Number,
    string Text,
    string ReferenceAnswer,
    QuestionKind Kind,
    IReadOnlyList<string> Topics,
    int DefaultTimeLimitSeconds,
    IReadOnlyList<GuidanceItem> Guidance,
    QuestionFlagsDto Flags,
    RubricDto Rubric);

public sealed record GuidanceItem(GuidanceKind Kind, string Text);

/// <summary>Importer findings about a question: kept, but worth a look.</summary>
public sealed record QuestionFlagsDto(int? DuplicateOfNumber, string? AnswerMismatch);

/// <summary>
/// One version of a question's rubric. <see cref="Scale"/> is the generic 1 to 5 frame every answer is scored
/// on; <see cref="Anchors"/> fills levels 1, 3 and 5 in for this question. <see cref="Note"/> is for the
/// interviewer (a problem in the source, how to use the question); <see cref="NeedsReview"/> is set when the
/// rubric rests on a source the builder could not trust (e.g. a reference answer that does not answer the
/// question) and nobody has reviewed it yet. <see cref="Reviewed"/> says a person reviewed this rubric.
/// </summary>
public sealed record RubricDto(
    int Id,
    int Version,
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<ScaleAnchor> Scale,
    IReadOnlyList<ScaleAnchor> Anchors,
    string? Note,
    string? NeedsReview,
    bool Reviewed);

/// <summary>
/// A "look for" item: one checkable thing. <see cref="Core"/> marks the items a passing answer (a 3) must
/// cover. <see cref="Source"/> is its provenance (see <see cref="RubricSources"/>); <see cref="SourceDetail"/>
/// says more where there is more to say: the guidance label ("Look for"), or "story structure".
/// </summary>
public sealed record Criterion(string Id, string Text, string Source, bool Core = false, string? SourceDetail = null);

/// <summary>A red flag: ticking it caps the overall at 2. <see cref="Source"/> as for criteria.</summary>
public sealed record RedFlag(string Id, string Text, string Source = RubricSources.Guidance);

/// <summary>One level of the 1 to 5 scale and what it means (generic, or written for one question).</summary>
public sealed record ScaleAnchor(int Score, string Anchor);

/// <summary>Where a rubric item came from.</summary>
public static class RubricSources
{
    /// <summary>The question's guidance: Look for, Red flag, What to expect, What the interviewer wants, guidance sentences.</summary>
    public const string Guidance = "guidance";

    /// <summary>The key points of the reference answer.</summary>
    public const string ReferenceAnswer = "referenceAnswer";

    /// <summary>Written or corrected by a person who reviewed the rubric.</summary>
    public const string Reviewed = "reviewed";

    /// <summary>Added by the product: the structure of a good story, the "said something wrong" tick.</summary>
    public const string Standard = "standard";
}

/// <summary>GET /api/questions/facets: the kinds and topic tags the bank has, with how many questions each.</summary>
public sealed record BankFacetsDto(IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Topics);

public sealed record FacetCount(string Name, int Questions);
