using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Scoring;

/// <summary>Checks a score object against the rubric it is given for; every message says what to fix.</summary>
internal static class ScoreInputRules
{
    public static List<CriterionRating> Ratings(ScoreInput input, Rubric rubric)
    {
        var ratings = input.Ratings ?? [];
        var known = rubric.Criteria.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var rating in ratings)
        {
            if (rating is null || !known.Contains(rating.CriterionId))
            {
                throw RoomRuleException.Invalid(
                    $"Unknown criterion '{rating?.CriterionId}'. This rubric has: {string.Join(", ", known)}.");
            }

            if (!seen.Add(rating.CriterionId))
            {
                throw RoomRuleException.Invalid($"Criterion '{rating.CriterionId}' is rated twice.");
            }

            if (rating.Rating is < 0 or > ScoreCalculator.MaxRating)
            {
                throw RoomRuleException.Invalid(
                    $"Criterion '{rating.CriterionId}' is rated {rating.Rating}; use 0 (not shown), 1 (partly) or 2 (clearly).");
            }
        }

        return [.. ratings];
    }

    public static List<string> RedFlags(ScoreInput input, Rubric rubric)
    {
        var flags = input.RedFlags ?? [];
        var known = rubric.RedFlags.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var flag in flags)
        {
            if (flag is null || !known.Contains(flag))
            {
                throw RoomRuleException.Invalid(known.Count == 0
                    ? "This rubric has no red flags to tick."
                    : $"Unknown red flag '{flag}'. This rubric has: {string.Join(", ", known)}.");
            }
        }

        return [.. flags.Distinct(StringComparer.Ordinal)];
    }

    public static string? Notes(ScoreInput input)
    {
        var notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes;
        return notes is null || notes.Length <= ScoreService.MaxNotesLength
            ? notes
            : throw RoomRuleException.Invalid(string.Create(
                System.Globalization.CultureInfo.InvariantCulture, $"Notes are limited to {ScoreService.MaxNotesLength:N0} characters."));
    }

    public static void CheckOverall(ScoreInput input, IReadOnlyCollection<CriterionRating> ratings)
    {
        if (input.Overall is { } overall && (overall < ScoreCalculator.MinOverall || overall > ScoreCalculator.MaxOverall))
        {
            throw RoomRuleException.Invalid($"overall must be {ScoreCalculator.MinOverall} to {ScoreCalculator.MaxOverall}, not {overall}.");
        }

        if (input.NotAssessed && input.Overall is not null)
        {
            throw RoomRuleException.Invalid("An answer marked not assessed has no overall score.");
        }

        if (!input.NotAssessed && input.Overall is null && ratings.Count == 0)
        {
            throw RoomRuleException.Invalid(
                "Rate at least one criterion, give an overall score, or mark the answer not assessed.");
        }
    }
}
