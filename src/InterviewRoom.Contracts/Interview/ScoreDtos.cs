namespace InterviewRoom.Contracts.Interview;

/// <summary>One criterion's rating: 0 = not shown, 1 = partly, 2 = clearly.</summary>
public sealed record CriterionRating(string CriterionId, int Rating);

/// <summary>
/// The score object of <c>Score(turnId, score)</c>. <see cref="ClientRequestId"/> makes a retry safe:
/// the same id stores one score. <see cref="Overall"/> overrides the suggested overall (1 to 5);
/// <see cref="NotAssessed"/> records that the answer was not scored at all (distinct from 1).
/// <see cref="BaseVersion"/>, when given, is the version the interviewer edited: if someone saved a newer
/// one meanwhile, the call fails instead of silently replacing it.
/// </summary>
public sealed record ScoreInput(
    string ClientRequestId,
    IReadOnlyList<CriterionRating>? Ratings = null,
    IReadOnlyList<string>? RedFlags = null,
    int? Overall = null,
    bool NotAssessed = false,
    string? Notes = null,
    int? BaseVersion = null);

/// <summary>
/// A stored score version of one answer (payload of <c>ScoreSaved</c>). <see cref="Seq"/>, on <c>ScoreSaved</c> only:
/// the number of the room's latest push before it (a targeted push takes no number of its own).
/// </summary>
public sealed record ScoreView(
    Guid TurnId,
    int Version,
    int RubricVersion,
    Guid ScoredBy,
    DateTimeOffset ScoredAt,
    IReadOnlyList<CriterionRating> Ratings,
    IReadOnlyList<string> RedFlags,
    int? SuggestedOverall,
    int? Overall,
    bool NotAssessed,
    string? Notes,
    long? Seq = null);
