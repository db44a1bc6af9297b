using InterviewRoom.Contracts.Interview;

namespace InterviewRoom.Contracts.Classes;

/// <summary>GET /api/classes/{classId}/report (instructor): per student, per question, and each question's score distribution.</summary>
public sealed record ClassReport(
    Guid ClassId,
    string Name,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ClassReportStudent> Students,
    IReadOnlyList<ClassReportQuestion> Questions);

/// <summary>One student: what they answered (as candidate) and how often they interviewed.</summary>
public sealed record ClassReportStudent(
    Guid StudentId,
    string Name,
    int Answered,
    int Interviewed,
    double? AverageOverall,
    IReadOnlyList<ClassReportAnswer> Items);

public sealed record ClassReportAnswer(
    Guid TurnId,
    string RoomCode,
    int Round,
    int QuestionId,
    int QuestionNumber,
    string QuestionText,
    TurnStatus Status,
    long? ResponseTimeMs,
    bool IsLate,
    int? Overall,
    bool NotAssessed,
    string? InterviewerName);

/// <summary>One question across the class: how often asked and answered, and how the answers scored.</summary>
public sealed record ClassReportQuestion(
    int QuestionId,
    int QuestionNumber,
    string QuestionText,
    int Asked,
    int Answered,
    double? AverageOverall,
    double? AverageResponseTimeMs,
    ScoreDistribution Distribution);

/// <summary>Latest overall score per answer, counted; "not assessed" and "not scored yet" are kept apart from 1.</summary>
public sealed record ScoreDistribution(int One, int Two, int Three, int Four, int Five, int NotAssessed, int Unscored);
