using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// A rubric before it is stored: criteria, red flags (the standard "said something wrong" tick included),
/// anchors for levels 1, 3 and 5 of this question, an interviewer note and a "needs review" reason.
/// </summary>
public sealed record RubricContent(
    IReadOnlyList<Criterion> Criteria,
    IReadOnlyList<RedFlag> RedFlags,
    IReadOnlyList<ScaleAnchor> Anchors,
    string? Note = null,
    string? NeedsReview = null,
    bool Reviewed = false);
