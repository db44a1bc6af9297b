using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Scoring;

internal static class ScoreMapping
{
    public static ScoreView ToView(this Score score, int rubricVersion) => new(
        score.TurnId,
        score.Version,
        rubricVersion,
        score.ScoredBy,
        Instants.Utc(score.ScoredAt),
        score.Ratings,
        score.RedFlags,
        score.SuggestedOverall,
        score.Overall,
        score.NotAssessed,
        score.Notes);
}
