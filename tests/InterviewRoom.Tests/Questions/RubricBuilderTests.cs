using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Tests.Questions;

public sealed class RubricBuilderTests
{
    private static RubricContent RubricOf(int number) =>
        RubricBuilder.Build(SeedQuestions.Q(number));

    [Fact]
    public void Build_Question91WithLookForAndWhatToExpect_TakesCriteriaFromThem()
    {
        var rubric = RubricOf(91);

        Assert.Equal(
        [
            new Criterion("c1", "Balanced view of Java's strengths and practical experience with its ecosystem.", "lookFor"),
            new Criterion("c2", "The candidate should discuss performance, robust libraries, strong typing, and enterprise support.", "whatToExpect"),
        ], rubric.Criteria);
        Assert.Equal([StandardItems.SaidSomethingWrong], rubric.RedFlags);
    }

    [Fact]
    public void Build_Question106LookForList_SplitsIntoOneCriterionPerItem()
    {
        var lookFor = RubricOf(106).Criteria.Where(c => c.Source == "lookFor").Select(c => c.Text);

        Assert.Equal(["Experience with API design", "Understanding of RESTful principles", "Practical coding examples"], lookFor);
    }

    [Fact]
    public void Build_Question122PayAttentionToList_GivesOneLookForCriterionPerLine()
    {
        var rubric = RubricOf(122);

        Assert.Equal("other", rubric.Criteria[0].Source);
        Assert.Equal(
            ["Leadership in system design and architecture", "Knowledge of scalable solutions", "Ability to delegate and mentor team members"],
            rubric.Criteria.Where(c => c.Source == "lookFor").Select(c => c.Text));
    }

    [Fact]
    public void Build_Question133WithOnlyUnlabelledGuidance_TakesCriteriaFromIt()
    {
        var rubric = RubricOf(133);

        Assert.Equal(
        [
            new Criterion("c1", "Listen for answers that mention indexing, query restructuring, or analyzing the execution plan.", "other"),
            new Criterion("c2", "A good candidate should demonstrate an understanding of database performance optimization techniques.", "other"),
        ], rubric.Criteria);
    }

    [Fact]
    public void Build_Question5WithoutGuidance_TakesTheReferenceAnswersListItems()
    {
        var rubric = RubricOf(5);

        Assert.All(rubric.Criteria, c => Assert.Equal(RubricBuilder.ReferenceAnswerSource, c.Source));
        Assert.Equal(
            ["Handles high traffic efficiently.", "Prevents server overload.", "Ensures high availability (if one server fails, another takes over).", "Hardware – F5, Citrix ADC.", "Software – Nginx, HAProxy, AWS ELB."],
            rubric.Criteria.Select(c => c.Text));
    }

    [Fact]
    public void Build_Question17WithATable_TakesOneCriterionPerRow()
    {
        var criteria = RubricOf(17).Criteria;

        Assert.Equal("Atomicity — ACID (Relational DBs): Transactions are all-or-nothing. BASE (NoSQL DBs): Partial transactions allowed.", criteria[0].Text);
        Assert.Equal(6, criteria.Count);
    }

    [Fact]
    public void Build_Question44WithProseOnly_TakesItsSentences()
    {
        var criteria = RubricOf(44).Criteria;

        Assert.Equal(3, criteria.Count);
        Assert.StartsWith("Normalization reduces data redundancy", criteria[0].Text);
        Assert.All(criteria, c => Assert.Equal(RubricBuilder.ReferenceAnswerSource, c.Source));
    }

    [Fact]
    public void Build_Question59CodeAndProse_LeavesTheCodeOut()
    {
        var criterion = Assert.Single(RubricOf(59).Criteria);

        Assert.StartsWith("Using recursion with immutability avoids mutable state", criterion.Text);
    }

    [Fact]
    public void Build_Question65WithARedFlag_ListsItSeparately()
    {
        var rubric = RubricOf(65);

        Assert.Equal([new RedFlag("r1", "Overly long, unfocused answers that avoid the core of what was asked."), StandardItems.SaidSomethingWrong], rubric.RedFlags);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("Overly long", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_EverySeedQuestion_HasAtLeastOneCriterionAndAtMostSixFromItsAnswer()
    {
        Assert.All(SeedQuestions.All, q =>
        {
            var rubric = RubricBuilder.Build(q);
            Assert.NotEmpty(rubric.Criteria);
            Assert.All(rubric.Criteria, c => Assert.False(string.IsNullOrWhiteSpace(c.Text)));
            Assert.True(rubric.Criteria.Count(c => c.Source == RubricBuilder.ReferenceAnswerSource) <= 6);
        });
    }

    [Fact]
    public void Build_EverySeedQuestion_NumbersCriteriaAndRedFlagsFromOne()
    {
        Assert.All(SeedQuestions.All, q =>
        {
            var rubric = RubricBuilder.Build(q);
            Assert.Equal(rubric.Criteria.Select((_, i) => $"c{i + 1}"), rubric.Criteria.Select(c => c.Id));
            Assert.Equal(rubric.RedFlags.SkipLast(1).Select((_, i) => $"r{i + 1}"), rubric.RedFlags.SkipLast(1).Select(r => r.Id));
        });
    }

    [Fact]
    public void Build_NothingToGoOn_StillGivesOneCriterion()
    {
        var rubric = RubricBuilder.Build(SeedQuestions.Q(1) with { ReferenceAnswer = string.Empty, Guidance = [new GuidanceItem(GuidanceKind.RedFlag, "Blames the team.")] });

        var criterion = Assert.Single(rubric.Criteria);
        Assert.Equal(("c1", RubricBuilder.DefaultSource), (criterion.Id, criterion.Source));
        Assert.Equal([new RedFlag("r1", "Blames the team."), StandardItems.SaidSomethingWrong], rubric.RedFlags);
    }

    [Fact]
    public void Build_SameInputTwice_GivesTheSameRubric()
    {
        var first = RubricOf(103);
        var second = RubricOf(103);

        Assert.Equal(first.Criteria, second.Criteria);
        Assert.Equal(first.RedFlags, second.RedFlags);
    }

    [Fact]
    public void Anchors_CoverOneToFiveWithTheProductWording()
    {
        Assert.Equal([1, 2, 3, 4, 5], ScoreScale.Anchors.Select(a => a.Score));
        Assert.Contains("No relevant evidence", ScoreScale.Anchors[0].Anchor, StringComparison.Ordinal);
        Assert.Equal("Covers the core points.", ScoreScale.Anchors[2].Anchor);
        Assert.Contains("concrete examples", ScoreScale.Anchors[4].Anchor, StringComparison.Ordinal);
        Assert.Equal(2, ScoreScale.RedFlagCap);
    }
}
