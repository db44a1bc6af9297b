using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;

namespace InterviewRoom.Tests.Questions;

/// <summary>The rules helper itself: it must catch what the old builder produced.</summary>
public sealed class RubricRulesTests
{
    private static readonly ScaleAnchor[] Anchors = [new(1, "None"), new(3, "Core"), new(5, "All")];

    [Fact]
    public void Problems_OldStyleCriteria_AreEachNamedWithTheQuestionAndTheItem()
    {
        var rubric = new RubricContent(
        [
            new Criterion("c1", "I recently led a migration of a monolithic application to microservices", RubricSources.ReferenceAnswer, true),
            new Criterion("c2", "Listen for answers that mention indexing, query restructuring, or analyzing the execution plan", "other"),
            new Criterion("c3", "It is a stronger condition than lock-freedom (e.g.…", RubricSources.ReferenceAnswer),
            new Criterion("c4", "Your response gives the interviewer an insight into your familiarity with non-blocking I/O", RubricSources.Guidance),
        ], [StandardItems.SaidSomethingWrong], Anchors);

        var problems = RubricRules.Problems(rubric, SeedQuestions.Q(1));

        Assert.Contains(problems, p => p.StartsWith("Q1 c1: first person", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c2: lead-in", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c2: source 'other'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c3: cut off", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c3: dangling start", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c4: addressed to the candidate", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Q1 c4: state of mind", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_OneItemRubricWithoutCoreOrAnchors_IsRefused()
    {
        var rubric = new RubricContent([new Criterion("c1", "Gives a relevant answer", RubricSources.Standard)], [], []);

        var problems = RubricRules.Problems(rubric, SeedQuestions.Q(2));

        Assert.Contains("Q2: 1 criteria (2 to 8 expected)", problems);
        Assert.Contains("Q2: 0 core criteria (1 to 3 expected)", problems);
        Assert.Contains(problems, p => p.Contains("anchors are for levels", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("'said something wrong' tick", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_DroppedSourceRedFlag_IsReported()
    {
        var rubric = RubricBuilder.Build(SeedQuestions.Q(65)) with { RedFlags = [StandardItems.SaidSomethingWrong] };

        Assert.Contains(RubricRules.Problems(rubric, SeedQuestions.Q(65)), p => p.StartsWith("Q65: the source's red flag is not kept", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Mentions non-blocking I/O operations")]
    [InlineData("Says 'eating your own food' uses a company's own products")]
    [InlineData("Names the US and EU data rules")]
    public void Problems_WordsThatOnlyLookLikeFirstOrSecondPerson_AreNotReported(string text)
    {
        Assert.Empty(RubricRules.CriterionProblems(text));
    }
}
