using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>What a rubric asks the interviewer to look for, and what caps the score.</summary>
public sealed record RubricContent(IReadOnlyList<Criterion> Criteria, IReadOnlyList<RedFlag> RedFlags);
