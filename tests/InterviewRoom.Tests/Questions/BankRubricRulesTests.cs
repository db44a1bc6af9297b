using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;
using InterviewRoom.Server.Questions.Rubrics;
using Xunit.Abstractions;

namespace InterviewRoom.Tests.Questions;

/// <summary>
/// Every rubric the built-in bank serves (the review file over the builder, as the import applies it) held to the
/// rules of RUBRICS.md that a program can check, plus what the review promises on top: 3 to 6 items, every
/// question reviewed, time boxes by kind, a note wherever the source is flagged.
/// </summary>
public sealed class BankRubricRulesTests(ITestOutputHelper output)
{
    private static readonly Lazy<RubricReview> Review =
        new(() => RubricReview.Load(Path.Combine(TestFiles.RepositoryRoot, "seed", "backend-rubric-review.json")));

    public static IEnumerable<(ParsedQuestion Question, ReviewedRubric Reviewed)> Bank() =>
        SeedQuestions.All.Select(q => (q, Review.Value.For(q) ?? throw new InvalidOperationException($"Q{q.Number} has no review entry.")));

    [Fact]
    public void EveryServedRubric_FollowsTheMechanicalRules()
    {
        var problems = Bank().SelectMany(b => RubricRules.Problems(b.Reviewed.Rubric, b.Question)).ToList();

        Assert.True(problems.Count == 0, string.Join('\n', problems));
    }

    [Fact]
    public void EveryServedRubric_HasThreeToSixCriteria_OneToThreeCore_AndDistinctAnchorsForOneThreeAndFive()
    {
        Assert.All(Bank(), b =>
        {
            var rubric = b.Reviewed.Rubric;
            Assert.InRange(rubric.Criteria.Count, 3, 6);
            Assert.InRange(rubric.Criteria.Count(c => c.Core), 1, 3);
            Assert.Contains(rubric.Criteria, c => !c.Core);
            Assert.Equal([1, 3, 5], rubric.Anchors.Select(a => a.Score));
            Assert.Equal(3, rubric.Anchors.Select(a => a.Anchor).Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.True(rubric.Reviewed);
            Assert.Equal(StandardItems.SaidSomethingWrong, rubric.RedFlags[^1]);
        });
    }

    [Fact]
    public void EveryServedRubric_KeepsTheSourcesRedFlagsAsGuidance()
    {
        foreach (var (question, reviewed) in Bank())
        {
            var sourceFlags = question.Guidance.Count(g => g.Kind == GuidanceKind.RedFlag);
            Assert.True(
                reviewed.Rubric.RedFlags.Count(f => f.Source == RubricSources.Guidance) >= sourceFlags,
                $"Q{question.Number} drops a red flag of its source");
        }
    }

    [Fact]
    public void TimeBoxes_FollowTheKindOfQuestion_AndSystemDesignIsWellBeyondTenMinutes()
    {
        Assert.All(Bank(), b =>
        {
            var (low, high) = b.Question.Kind switch
            {
                QuestionKind.Behavioral => (240, 360),
                QuestionKind.Opinion => (180, 300),
                QuestionKind.Technical => (240, 600),
                QuestionKind.SystemDesign => (1500, 2700),
                _ => throw new ArgumentOutOfRangeException(nameof(b), b.Question.Kind, null),
            };
            Assert.InRange(b.Reviewed.TimeLimitSeconds, low, high);
        });
        var technical = Bank().Where(b => b.Question.Kind == QuestionKind.Technical).Select(b => b.Reviewed.TimeLimitSeconds).ToList();
        Assert.True(technical.Count(t => t is >= 300 and <= 480) >= technical.Count * 0.8, "most technical questions get five to eight minutes");
    }

    [Fact]
    public void QuestionsTheImporterFlagged_CarryANoteForTheInterviewer()
    {
        Assert.All(Bank().Where(b => b.Question.AnswerMismatch is not null || b.Question.DuplicateOfNumber is not null), b =>
            Assert.False(string.IsNullOrWhiteSpace(b.Reviewed.Rubric.Note), $"Q{b.Question.Number} is flagged but has no note"));
    }

    [Fact]
    public void Duplicates_ShareTheRubricOfTheQuestionTheyRepeat()
    {
        var byNumber = Bank().ToDictionary(b => b.Question.Number);
        Assert.All(Bank().Where(b => b.Question.DuplicateOfNumber is not null), b =>
            Assert.Equal(byNumber[b.Question.DuplicateOfNumber!.Value].Reviewed.Rubric.Criteria, b.Reviewed.Rubric.Criteria));
    }

    [Fact]
    public void Figures_CriteriaPerQuestionRedFlagsAndTimeBoxes()
    {
        var bank = Bank().ToList();
        output.WriteLine("criteria per question: " + string.Join(", ", bank.GroupBy(b => b.Reviewed.Rubric.Criteria.Count).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        output.WriteLine($"questions with a question-specific red flag: {bank.Count(b => b.Reviewed.Rubric.RedFlags.Any(f => f.Source != RubricSources.Standard))}");
        output.WriteLine($"questions with a note: {bank.Count(b => b.Reviewed.Rubric.Note is not null)}");
        output.WriteLine("time boxes (s): " + string.Join(", ", bank.GroupBy(b => b.Reviewed.TimeLimitSeconds).OrderBy(g => g.Key).Select(g => $"{g.Key}: {g.Count()}")));
        Assert.Equal(200, bank.Count);
    }
}
