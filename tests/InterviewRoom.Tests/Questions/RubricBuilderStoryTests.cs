using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Questions.Rubrics.Builder;

namespace InterviewRoom.Tests.Questions;

/// <summary>Experience questions get the structure of a good story, never the sample story (real seed questions).</summary>
public sealed class RubricBuilderStoryTests
{
    private static RubricContent RubricOf(int number) => RubricBuilder.Build(SeedQuestions.Q(number));

    [Fact]
    public void Build_Question1SampleStory_ScoresTheStructureAndKeepsTheMeasuredResultAsAnExample()
    {
        var rubric = RubricOf(1);

        Assert.Equal(
        [
            new Criterion("c1", "Describes one specific situation (when, where, what was at stake), not a general habit", RubricSources.Standard, true, "story structure"),
            new Criterion("c2", "Says what they did themselves, not only what the team did", RubricSources.Standard, true, "story structure"),
            new Criterion("c3", "Names the difficulty or trade-off they faced and how they handled it", RubricSources.Standard, false, "story structure"),
            new Criterion("c4", "Gives the result, measured where possible (e.g. reducing deployment time by 80%)", RubricSources.Standard, true, "story structure"),
            new Criterion("c5", "Says what they learned or would do differently", RubricSources.Standard, false, "story structure"),
        ], rubric.Criteria);
        Assert.Equal("The reference answer is a sample story: score the structure of the candidate's own story, not its resemblance to this one.", rubric.Note);
        Assert.DoesNotContain(rubric.Criteria, c => c.Text.Contains("migration", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question23StoryWithInterviewerWants_PutsTheGuidanceFirstAndTailorsTheSituation()
    {
        var criteria = RubricOf(23).Criteria;

        Assert.Equal(
        [
            "Gives evidence of learning agility",
            "Says how they deliver under pressure when working with unfamiliar tools",
            "Describes a specific time they had to learn a new technology quickly, not a general habit",
            "Says what they did themselves, not only what the team did",
            "Names the difficulty or trade-off they faced and how they handled it",
            "Gives the result, measured where possible (time, errors, cost, users)",
        ], criteria.Select(c => c.Text));
        Assert.Equal("What the interviewer wants", criteria[0].SourceDetail);
        Assert.DoesNotContain(criteria, c => c.Text.Contains("Kafka", StringComparison.Ordinal) || c.Text.Contains("Nigerian", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_Question4FirstPersonHowToTellIt_IsAStoryAboutTheCandidatesOwnProject()
    {
        var criteria = RubricOf(4).Criteria;

        Assert.Equal("Describes a specific backend project they built, not a general habit", criteria[0].Text);
        Assert.All(criteria, c => Assert.Equal(StoryStructure.Detail, c.SourceDetail));
        Assert.DoesNotContain(criteria, c => RubricRules.HasFirstPerson(c.Text));
    }

    [Fact]
    public void Build_StoryAnchors_NameTheStoryPartsForThisQuestion()
    {
        var anchors = RubricOf(1).Anchors;

        Assert.Equal(
        [
            new ScaleAnchor(1, "A general habit or a hypothetical instead of a specific story, or none of the core points (a specific situation; their own role and actions; a measured result)"),
            new ScaleAnchor(3, "Covers the core points: a specific situation, their own role and actions and a measured result"),
            new ScaleAnchor(5, "All core points plus the difficulty or trade-off and what they learned, precisely, with a concrete example"),
        ], anchors);
    }

    [Fact]
    public void Build_Question159StoryWithSomeFirstPerson_IsStillScoredAsAStory()
    {
        var criteria = RubricOf(159).Criteria;

        Assert.All(criteria, c => Assert.Equal(RubricSources.Standard, c.Source));
        Assert.DoesNotContain(criteria, c => c.Text.Contains("legacy system", StringComparison.Ordinal));
    }
}
