using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;

namespace InterviewRoom.Tests.Questions;

/// <summary>Criteria from interviewer guidance: lead-ins stripped, lists split, qualities made observable (real seed questions).</summary>
public sealed class RubricBuilderGuidanceTests
{
    private static RubricContent RubricOf(int number) => RubricBuilder.Build(SeedQuestions.Q(number));

    private static IEnumerable<string> Texts(RubricContent rubric) => rubric.Criteria.Select(c => c.Text);

    [Fact]
    public void Build_Question133ListenForList_GivesOneItemPerTechnique()
    {
        var rubric = RubricOf(133);

        Assert.Equal(
        [
            new Criterion("c1", "Mentions indexing", RubricSources.Guidance, true, "Guidance sentence"),
            new Criterion("c2", "Mentions query restructuring", RubricSources.Guidance, true, "Guidance sentence"),
            new Criterion("c3", "Mentions analyzing the execution plan", RubricSources.Guidance, true, "Guidance sentence"),
            new Criterion("c4", "Explains database performance optimization techniques", RubricSources.Guidance, false, "Guidance sentence"),
        ], rubric.Criteria);
    }

    [Fact]
    public void Build_Question10FamiliarityWithAlgorithms_NamesSortingAndSearchingAlgorithmsWithTheirExamples()
    {
        var criteria = RubricOf(10).Criteria;

        Assert.Contains(criteria, c => c.Text == "Names common sorting algorithms (e.g. quick sort, merge sort)" && c.Source == RubricSources.Guidance);
        Assert.Contains(criteria, c => c.Text == "Names common searching algorithms (e.g. depth-first search, breadth-first search)");
        Assert.DoesNotContain(criteria, c => c.Text.Contains("familiar", StringComparison.OrdinalIgnoreCase) || c.Text.Contains("candidate", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question91WhatToExpectList_IsTheCoreAndLookForQualitiesFollow()
    {
        var criteria = RubricOf(91).Criteria;

        Assert.Equal(
            ["Mentions performance", "Mentions robust libraries", "Mentions strong typing", "Mentions enterprise support",
             "Gives a balanced view of Java's strengths", "Describes practical experience with Java's ecosystem"],
            criteria.Select(c => c.Text));
        Assert.Equal([true, true, true, false, false, false], criteria.Select(c => c.Core));
        Assert.Equal(["What to expect", "What to expect", "What to expect", "What to expect", "Look for", "Look for"], criteria.Select(c => c.SourceDetail));
    }

    [Fact]
    public void Build_Question106OutlineSteps_GivesOneItemPerStepAndMakesTheStepsCore()
    {
        var criteria = RubricOf(106).Criteria;

        Assert.Equal(
            ["Describes setting up a framework (e.g. Flask, Django)", "Describes defining endpoints", "Describes handling requests/responses"],
            criteria.Where(c => c.Core).Select(c => c.Text));
        Assert.Contains(criteria, c => c.Text == "Gives practical coding examples" && c.SourceDetail == "Look for" && !c.Core);
        Assert.Contains(criteria, c => c.Text == "Describes experience with API design");
    }

    [Fact]
    public void Build_Question122StrongAnswerAndLookForLists_KeepsConcreteItemsFirstAndLabelsEachSource()
    {
        var criteria = RubricOf(122).Criteria;

        Assert.Equal(
            ["Mentions vision-setting", "Mentions using scalable databases", "Mentions delegating tasks effectively among team members"],
            criteria.Take(3).Select(c => c.Text));
        Assert.All(criteria.Take(3), c => Assert.Equal(("Guidance sentence", true), (c.SourceDetail, c.Core)));
        Assert.Contains(criteria, c => c.Text == "Gives evidence of leadership in system design and architecture" && c.SourceDetail == "Look for");
        Assert.DoesNotContain(criteria, c => c.Text.StartsWith("Knowledge", StringComparison.Ordinal) || c.Text.StartsWith("A strong", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question116ExplainThatWhile_GivesTwoStatementsAndTheAnswersExtraPoint()
    {
        Assert.Equal(
            ["Says horizontal scaling involves adding more machines to handle increased load",
             "Says vertical scaling involves upgrading the capacity of a single machine",
             "Says horizontal scaling is preferred for large systems because it offers more flexibility and redundancy"],
            Texts(RubricOf(116)));
    }

    [Fact]
    public void Build_Question144DiscussHowAHashTable_RepeatsTheSubjectInEachItem()
    {
        var criteria = RubricOf(144).Criteria;

        Assert.Equal(
            ["Explains how a hash table stores key-value pairs", "Explains how a hash table uses a hash function to compute an index",
             "Explains how a hash table handles collisions"],
            criteria.Where(c => c.Source == RubricSources.Guidance).Select(c => c.Text));
        Assert.DoesNotContain(criteria, c => c.Text.StartsWith("Says a hash table uses a hash function", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question115Hint_TurnsTheHintsContentIntoItems()
    {
        var rubric = RubricOf(115);

        Assert.Equal(["Mentions load balancing", "Mentions caching", "Mentions database scaling"], Texts(rubric));
        Assert.All(rubric.Criteria, c => Assert.Equal("Hint", c.SourceDetail));
    }

    [Fact]
    public void Build_Question14CoachingSentences_KeepTheirContentAndPutTheRemarkAboutTheQuestionInTheNote()
    {
        var rubric = RubricOf(14);

        Assert.Equal(["Mentions non-blocking I/O operations", "Mentions real-time applications"], rubric.Criteria.Take(2).Select(c => c.Text));
        Assert.Equal("The question tests understanding of event-driven programming and its application in backend development.", rubric.Note);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("Your response", StringComparison.Ordinal) || c.Text.Contains("interviewer", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question71CandidatesMightMention_GivesOneItemPerPracticeWithoutTheLeadIns()
    {
        var criteria = RubricOf(71).Criteria;

        Assert.Equal(
            ["Mentions logging errors", "Mentions using try-catch blocks", "Mentions building custom error classes to provide meaningful error messages",
             "Mentions user experience", "Mentions system stability", "Describes proactive measures to prevent errors from occurring in the first place"],
            criteria.Select(c => c.Text));
    }
}
