using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Contracts.Reports;

/// <summary>
/// GET /api/rooms/{roomId}/report: one item per question asked, in order. <see cref="YouParticipantId"/> is the
/// caller's own seat (for "Download my data" and "Delete my data").
/// </summary>
public sealed record RoomReport(
    Guid RoomId,
    string RoomCode,
    string? Title,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ParticipantView> Participants,
    IReadOnlyList<ReportItem> Items,
    Guid? YouParticipantId = null);

/// <summary>One question asked; <see cref="Round"/> goes up each time the pair swaps roles, with who answered and who asked.</summary>
public sealed record ReportItem(
    Guid TurnId,
    int Ordinal,
    int QuestionId,
    int QuestionNumber,
    string QuestionText,
    QuestionKind Kind,
    IReadOnlyList<string> Topics,
    int TimeLimitSeconds,
    TurnStatus Status,
    DateTimeOffset AskedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset Deadline,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? TimeUpAt,
    long? ResponseTimeMs,
    bool IsLate,
    string? AnswerText,
    ReportScore? Score,
    int Round = 1,
    string? CandidateName = null,
    string? InterviewerName = null);

/// <summary>
/// The latest score version of an answer, with the rubric version it was given against. Criteria and the ticked
/// red flags' texts are present for the interviewer only.
/// </summary>
public sealed record ReportScore(
    int Version,
    int? Overall,
    int? SuggestedOverall,
    bool NotAssessed,
    IReadOnlyList<string> RedFlags,
    string? Notes,
    DateTimeOffset ScoredAt,
    IReadOnlyList<ReportCriterion>? Criteria,
    int RubricVersion = 0,
    IReadOnlyList<RedFlag>? TickedRedFlags = null);

/// <summary>One criterion of the rubric the answer was scored against; <see cref="Rating"/> is null when it was not rated (not the same as 0, not shown).</summary>
public sealed record ReportCriterion(string CriterionId, string Text, int? Rating, bool Core = false);
