using InterviewRoom.Contracts.Interview;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Server.Scoring;

/// <summary>
/// How criterion ratings become the overall 1 to 5. Ratings are 0 (not shown), 1 (partly), 2 (clearly); an
/// unrated criterion counts as not shown. The share of points earned maps linearly onto the scale: none is 1,
/// half ("covers the core points") is 3, all is 5. The interviewer may override; a ticked red flag caps the
/// result at 2; "not assessed" has no overall at all, which is not the same as a 1.
/// </summary>
internal static class ScoreCalculator
{
    public const int MaxRating = 2;
    public const int MinOverall = 1;
    public const int MaxOverall = 5;

    public static int? Suggest(IReadOnlyCollection<CriterionRating> ratings, int criteriaCount)
    {
        if (criteriaCount == 0)
        {
            return null;
        }

        var share = ratings.Sum(r => r.Rating) / (double)(MaxRating * criteriaCount);
        return MinOverall + (int)Math.Round(share * (MaxOverall - MinOverall), MidpointRounding.AwayFromZero);
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
