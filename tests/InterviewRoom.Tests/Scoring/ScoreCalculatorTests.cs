using System.Text.Json;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Scoring;

namespace InterviewRoom.Tests.Scoring;

public sealed class ScoreCalculatorTests
{
    public static TheoryData<string, int?[], int?, string> Table()
    {
        var data = new TheoryData<string, int?[], int?, string>();
        foreach (var row in SuggestedOverallTable.Cases)
        {
            data.Add(row.Criteria, row.Ratings, row.Suggested, row.Why);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Table))]
    public void Suggest_FollowsTheWrittenTable(string criteria, int?[] ratings, int? expected, string why)
    {
        var (rubric, given) = SuggestedOverallTable.Rubric(criteria, ratings);

        Assert.True(expected == ScoreCalculator.Suggest(rubric, given), why);
    }

    [Fact]
    public void Suggest_OnePartlyOnASixItemRubric_IsNotTheSameAsNothing()
    {
        var (rubric, _) = SuggestedOverallTable.Rubric("CCoooo", new int?[6]);

        Assert.Equal(1, ScoreCalculator.Suggest(rubric, Rate(rubric, 0, 0, 0, 0, 0, 0)));
        Assert.Equal(2, ScoreCalculator.Suggest(rubric, Rate(rubric, 0, 0, 1, 0, 0, 0)));
    }

    [Fact]
    public void Suggest_OneItemRubric_NeverJumpsFromThreeToFive()
    {
        var (rubric, _) = SuggestedOverallTable.Rubric("C", [null]);

        Assert.Equal([1, 2, 3], [.. new[] { 0, 1, 2 }.Select(r => ScoreCalculator.Suggest(rubric, Rate(rubric, r))!.Value)]);
    }

    /// <summary>Every rating pattern of every rubric of one to six items, with zero to three core items.</summary>
    public static IEnumerable<(IReadOnlyList<Criterion> Rubric, int[] Ratings)> EveryPattern()
    {
        for (var size = 1; size <= 6; size++)
        {
            for (var cores = 0; cores <= Math.Min(3, size); cores++)
            {
                var (rubric, _) = SuggestedOverallTable.Rubric(new string('C', cores) + new string('o', size - cores), new int?[size]);
                for (var pattern = 0; pattern < (int)Math.Pow(3, size); pattern++)
                {
                    var ratings = new int[size];
                    for (int i = 0, rest = pattern; i < size; i++, rest /= 3)
                    {
                        ratings[i] = rest % 3;
                    }

                    yield return (rubric, ratings);
                }
            }
        }
    }

    [Fact]
    public void Suggest_RaisingOneRating_NeverLowersTheSuggestionAndMovesItAtMostOneLevel()
    {
        var checkedPatterns = 0;
        foreach (var (rubric, ratings) in EveryPattern())
        {
            var before = ScoreCalculator.Suggest(rubric, Rate(rubric, ratings))!.Value;
            Assert.InRange(before, 1, 5);
            for (var i = 0; i < ratings.Length; i++)
            {
                if (ratings[i] == 2)
                {
                    continue;
                }

                var raised = (int[])ratings.Clone();
                raised[i]++;
                var after = ScoreCalculator.Suggest(rubric, Rate(rubric, raised))!.Value;
                Assert.True(after - before is 0 or 1,
                    $"{string.Concat(rubric.Select(c => c.Core ? 'C' : 'o'))} [{string.Join(',', ratings)}] → [{string.Join(',', raised)}]: {before} → {after}");
            }

            checkedPatterns++;
        }

        Assert.Equal(4_353, checkedPatterns);
    }

    [Fact]
    public void Suggest_NothingShown_IsOne_AndEverythingClearlyShown_IsFive_OnRubricsOfThreeOrMore()
    {
        foreach (var (rubric, ratings) in EveryPattern().Where(p => p.Rubric.Count >= 3 && p.Ratings.All(r => r == p.Ratings[0])))
        {
            var expected = ratings[0] switch { 0 => 1, 2 => 5, _ => (int?)null };
            if (expected is not null)
            {
                Assert.Equal(expected, ScoreCalculator.Suggest(rubric, Rate(rubric, ratings)));
            }
        }
    }

    [Fact]
    public void Suggest_EveryCorePointClearlyAndNothingElse_IsThree()
    {
        foreach (var (rubric, ratings) in EveryPattern().Where(p => p.Rubric.Any(c => c.Core) && p.Rubric.Any(c => !c.Core)))
        {
            if (ratings.Select((r, i) => rubric[i].Core ? r == 2 : r == 0).All(ok => ok))
            {
                Assert.Equal(3, ScoreCalculator.Suggest(rubric, Rate(rubric, ratings)));
            }
        }
    }

    [Fact]
    public void Suggest_WithoutCriteriaOrRatings_SuggestsNothing()
    {
        var (rubric, _) = SuggestedOverallTable.Rubric("Coo", new int?[3]);

        Assert.Null(ScoreCalculator.Suggest([], []));
        Assert.Null(ScoreCalculator.Suggest(rubric, []));
    }

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

    private static CriterionRating[] Rate(IReadOnlyList<Criterion> rubric, params int[] ratings) =>
        [.. ratings.Select((r, i) => new CriterionRating(rubric[i].Id, r))];
}

/// <summary>
/// The scoring rule's written table (suggested-overall-table.json), shared with the browser test of
/// js/score-rule.js so the server and the pages are held to the same rows.
/// </summary>
internal static class SuggestedOverallTable
{
    private static readonly Lazy<IReadOnlyList<Row>> Rows = new(() =>
        JsonSerializer.Deserialize<File>(System.IO.File.ReadAllText(Path), new JsonSerializerOptions(JsonSerializerDefaults.Web))!.Cases);

    public static string Path => System.IO.Path.Combine(TestFiles.RepositoryRoot, "tests", "InterviewRoom.Tests", "Scoring", "suggested-overall-table.json");

    public static IReadOnlyList<Row> Cases => Rows.Value;

    /// <summary>"CCoo" and [2, 2, null, 1]: criteria c1..c4 (c1, c2 core) and the ratings given (null: not rated).</summary>
    public static (IReadOnlyList<Criterion> Rubric, IReadOnlyList<CriterionRating> Ratings) Rubric(string criteria, int?[] ratings)
    {
        var rubric = criteria.Select((kind, i) => new Criterion($"c{i + 1}", $"Criterion {i + 1}", RubricSources.Reviewed, Core: kind == 'C')).ToList();
        var given = ratings.Select((r, i) => r is { } value ? new CriterionRating($"c{i + 1}", value) : null).OfType<CriterionRating>().ToList();
        return (rubric, given);
    }

    internal sealed record Row(string Criteria, int?[] Ratings, int? Suggested, string Why);

    private sealed record File(string About, List<Row> Cases);
}
