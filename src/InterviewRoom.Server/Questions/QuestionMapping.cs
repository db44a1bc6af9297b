using InterviewRoom.Contracts.Questions;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Server.Questions;

internal static class QuestionMapping
{
    public static RubricDto ToDto(this Rubric rubric) =>
        new(rubric.Id, rubric.Version, rubric.Criteria, rubric.RedFlags, ScoreScale.Anchors, rubric.Anchors, rubric.Note, rubric.NeedsReview, rubric.Reviewed);

    /// <summary>The interviewer's view of a question with its current rubric (the highest version loaded).</summary>
    public static QuestionDto ToDto(this Question question) => new(
        question.Id,
        question.Bank,
        question.Number,
        question.Text,
        question.ReferenceAnswer,
        question.Kind,
        question.Topics,
        question.DefaultTimeLimitSeconds,
        question.Guidance,
        new QuestionFlagsDto(question.DuplicateOfNumber, question.AnswerMismatch),
        question.Rubrics.MaxBy(r => r.Version)!.ToDto());
}
