using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Server.Scoring;

/// <summary>
/// How criterion ratings become the suggested overall 1 to 5 (docs/rubrics.md, "The scoring rule"; the pages run
/// the same rule in wwwroot/js/score-rule.js, and both are tested against one table). Ratings are 0 (not shown),
/// 1 (partly), 2 (clearly); a criterion left unrated counts as not shown for the suggestion but is reported as
/// not rated.
/// <list type="number">
/// <item>Nothing shown at all is a 1.</item>
/// <item>Otherwise the core items fill the lower half of the scale and the others the upper half:
/// 1 + 2 × (core share) + 2 × (other share), halves rounded up, and at least 2. The shares are the points earned
/// out of the points possible in each group; a rubric with no core item treats every item as core, and one with
/// only core items uses the core share for both halves. So every core point clearly shown and nothing else is
/// a 3 ("covers the core points"), and everything clearly shown is a 5.</item>
/// <item>Caps: a core item not shown, at most 3; a core item only partly shown, at most 4; and never more than
/// 2 + the number of criteria clearly shown (a 4 takes two clear points, a 5 three).</item>
/// </list>
/// Raising one rating never lowers the suggestion and moves it by at most one level, on any rubric of one to six
/// items (tested over every pattern). The interviewer may override the suggestion; a ticked red flag (the standard
/// "said something wrong" included) caps the overall at 2 either way; "not assessed" has no overall at all, which
/// is not the same as a 1.
/// </summary>
internal static class ScoreCalculator
{
    public const int MaxRating = 2;
    public const int MinOverall = 1;
    public const int MaxOverall = 5;

    /// <summary>The suggestion, or null when there is nothing to suggest from (no criteria, or none rated).</summary>
    public static int? Suggest(IReadOnlyList<Criterion> criteria, IReadOnlyCollection<CriterionRating> ratings)
    {
        if (criteria.Count == 0 || ratings.Count == 0)
        {
            return null;
        }

        var given = ratings.ToDictionary(r => r.CriterionId, r => r.Rating, StringComparer.Ordinal);
        var anyCore = criteria.Any(c => c.Core);
        int corePoints = 0, coreCount = 0, otherPoints = 0, otherCount = 0, clearly = 0, worstCore = MaxRating;
        foreach (var criterion in criteria)
        {
            var rating = given.GetValueOrDefault(criterion.Id);
            clearly += rating == MaxRating ? 1 : 0;
            if (criterion.Core || !anyCore)
            {
                (corePoints, coreCount, worstCore) = (corePoints + rating, coreCount + 1, Math.Min(worstCore, rating));
            }
            else
            {
                (otherPoints, otherCount) = (otherPoints + rating, otherCount + 1);
            }
        }

        if (corePoints + otherPoints == 0)
        {
            return MinOverall;
        }

        if (otherCount == 0)
        {
            (otherPoints, otherCount) = (corePoints, coreCount);
        }

        // 1 + corePoints/coreCount + otherPoints/otherCount (each share × 2, points are out of 2 per item), halves
        // up, in integers: with N/D the sum of the two fractions, floor((2N + D) / 2D).
        var numerator = (corePoints * otherCount) + (otherPoints * coreCount);
        var denominator = coreCount * otherCount;
        var suggestion = Math.Max(2, MinOverall + (((2 * numerator) + denominator) / (2 * denominator)));
        suggestion = worstCore switch
        {
            0 => Math.Min(suggestion, 3),
            1 => Math.Min(suggestion, 4),
            _ => suggestion,
        };
        return Math.Min(suggestion, 2 + clearly);
    }

    public static int? Overall(int? suggested, int? chosen, bool anyRedFlag, bool notAssessed)
    {
        if (notAssessed || (chosen ?? suggested) is not { } overall)
        {
            return null;
        }

        return anyRedFlag ? Math.Min(overall, ScoreScale.RedFlagCap) : overall;
    }
}
