using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;

namespace InterviewRoom.Tests.Questions;

/// <summary>Answers that miss their question, duplicates, red flags, and banks other than the seed.</summary>
public sealed class RubricBuilderSourceProblemTests
{
    private const string CheckThem = "Criteria were built from what there is; check them before relying on them.";

    private static RubricContent RubricOf(int number) => RubricBuilder.Build(SeedQuestions.Q(number));

    [Fact]
    public void Build_Question12MismatchedGuidance_NeedsReviewAndPutsTheQuestionFirst()
    {
        var rubric = RubricOf(12);

        Assert.Equal(
            $"The reference answer does not answer the question: Guidance only, and about career history (roles, companies, career progression), not version control or Git. {CheckThem}",
            rubric.NeedsReview);
        Assert.Equal(new Criterion("c1", "Describes their work with version control systems such as Git", RubricSources.Standard, true, "from the question"), rubric.Criteria[0]);
        Assert.Contains(rubric.Criteria, c => c.Text == "Mentions specific roles" && c.SourceDetail == "Look for");
    }

    [Fact]
    public void Build_Question12RedFlag_IsKeptWithoutItsLeadInAndTheStandardTickIsLast()
    {
        var rubric = RubricOf(12);

        Assert.Equal(
            [new RedFlag("r1", "Never references a specific project, employer, or measurable result", RubricSources.Guidance), StandardItems.SaidSomethingWrong],
            rubric.RedFlags);
        Assert.StartsWith("Never references a specific project, employer, or measurable result, or none of the core points", rubric.Anchors[0].Anchor);
    }

    [Fact]
    public void Build_Question65RedFlag_DescribesWhatTheInterviewerSeesAndIsNotACriterion()
    {
        var rubric = RubricOf(65);

        Assert.Equal("Gives overly long, unfocused answers that avoid the core of what was asked", rubric.RedFlags[0].Text);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("unfocused", StringComparison.Ordinal));
        Assert.Equal("Describes how they approach problem-solving in back-end development", rubric.Criteria[0].Text);
        Assert.Contains(rubric.Criteria, c => c.Text == "Answers clearly");
    }

    [Fact]
    public void Build_Question135WrongAnswer_LeavesOutTheWrongPointAndAsksWhatTheQuestionAsks()
    {
        var rubric = RubricOf(135);

        Assert.Equal("Describes what a backend developer does", rubric.Criteria[0].Text);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("database administrator", StringComparison.Ordinal));
        Assert.StartsWith("The reference answer does not answer the question: Wrong: equates a backend developer", rubric.NeedsReview);
    }

    [Fact]
    public void Build_Question167AdviceOnly_GivesTheCodesFromTheQuestionAndTheAdvicesContent()
    {
        var rubric = RubricOf(167);

        Assert.Equal(
            ["Explains 200, 201 and 204", "Explains 301", "Explains 400, 401, 404 and 409", "Explains 500", "Explains what the code means", "Explains what caused the error"],
            rubric.Criteria.Select(c => c.Text));
        Assert.Equal([true, true, true, false, false, false], rubric.Criteria.Select(c => c.Core));
        Assert.NotNull(rubric.NeedsReview);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("Address", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question104Duplicate_SaysWhichQuestionItRepeatsAndSharesItsCriteria()
    {
        var rubric = RubricOf(104);

        Assert.Equal("Same question as 12.", rubric.Note);
        Assert.Equal(RubricOf(12).Criteria, rubric.Criteria);
    }

    [Fact]
    public void Build_QuestionWithNothingToGoOn_GivesThreeGenericItems()
    {
        var question = SeedQuestions.Q(2) with { ReferenceAnswer = string.Empty, Guidance = [], AnswerMismatch = "No reference answer." };

        var rubric = RubricBuilder.Build(question);

        Assert.Equal(3, rubric.Criteria.Count);
        Assert.All(rubric.Criteria, c => Assert.Equal(RubricSources.Standard, c.Source));
        Assert.Empty(RubricRules.Problems(rubric, question));
    }

    [Fact]
    public void Build_ImportedBankQuestion_SplitsGuidanceAndKeepsAnAnswerListWholeWhenSplittingWouldPassSixItems()
    {
        const string Seed = """
            1
            What is a message broker?
            Reference answer
            A message broker is a server that routes messages between producers and consumers. Benefits include decoupling services, buffering load spikes, and retrying failed deliveries. Look for: durable queues, acknowledgements, and dead-letter handling. Red flag: Says a broker makes delivery exactly-once by default.
            """;
        var question = SeedParser.Parse(Seed).Single();

        var rubric = RubricBuilder.Build(question);

        Assert.Equal(
            ["Mentions durable queues", "Mentions acknowledgements", "Mentions dead-letter handling",
             "Says a message broker is a server that routes messages between producers and consumers",
             "Says benefits include decoupling services, buffering load spikes, and retrying failed deliveries"],
            rubric.Criteria.Select(c => c.Text));
        Assert.Equal("Says a broker makes delivery exactly-once by default", rubric.RedFlags[0].Text);
        Assert.Empty(RubricRules.Problems(rubric, question));
    }
}
