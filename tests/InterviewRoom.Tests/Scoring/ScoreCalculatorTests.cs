using InterviewRoom.Contracts.Interview;
using InterviewRoom.Server.Scoring;

namespace InterviewRoom.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    private static CriterionRating[] Ratings(params int[] values) =>
        [.. values.Select((v, i) => new CriterionRating($"c{i + 1}", v))];

    [Theory]
    [InlineData(new[] { 0, 0, 0, 0 }, 1)]
    [InlineData(new[] { 1, 1, 1, 1 }, 3)]
    [InlineData(new[] { 2, 2, 2, 2 }, 5)]
    [InlineData(new[] { 2, 1, 0, 0 }, 3)]
    [InlineData(new[] { 2, 2, 1, 0 }, 4)]
    [InlineData(new[] { 1, 0, 0, 0 }, 2)]
    public void Suggest_MapsTheShareOfPointsOntoOneToFive(int[] values, int expected) =>
        Assert.Equal(expected, ScoreCalculator.Suggest(Ratings(values), values.Length));

    [Fact]
    public void Suggest_CountsUnratedCriteriaAsNotShown() =>
        Assert.Equal(3, ScoreCalculator.Suggest(Ratings(2, 2), criteriaCount: 4));

    [Fact]
    public void Suggest_WithoutCriteria_SuggestsNothing() =>
        Assert.Null(ScoreCalculator.Suggest([], criteriaCount: 0));

    [Fact]
    public void Overall_TheInterviewersChoiceOverridesTheSuggestion() =>
        Assert.Equal(2, ScoreCalculator.Overall(suggested: 5, chosen: 2, anyRedFlag: false, notAssessed: false));

    [Theory]
    [InlineData(5, null, 2)]
    [InlineData(3, 5, 2)]
    [InlineData(1, null, 1)]
    public void Overall_ARedFlagCapsAtTwo(int suggested, int? chosen, int expected) =>
        Assert.Equal(expected, ScoreCalculator.Overall(suggested, chosen, anyRedFlag: true, notAssessed: false));

    [Fact]
    public void Overall_NotAssessed_HasNoOverall_WhichIsNotAOne() =>
        Assert.Null(ScoreCalculator.Overall(suggested: 1, chosen: null, anyRedFlag: false, notAssessed: true));
}
