using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.PersonalData;

/// <summary>
/// <c>GET …/personal-data</c>: everything stored about one person. A room seat (<see cref="Subject"/> kind
/// <c>seat</c>) or a class student (kind <c>student</c>, every seat they had in the class's rooms).
/// </summary>
public sealed record PersonalDataExport(
    DateTimeOffset ExportedAt,
    PersonalDataSubject Subject,
    IReadOnlyList<PersonalDataSeat> Seats,
    IReadOnlyList<PersonalDataAnswer> Answers);

/// <summary>Whose data it is: a seat's id or a class student's id, and the name stored for them.</summary>
public sealed record PersonalDataSubject(string Kind, Guid Id, string Name, Guid? ClassId, DateTimeOffset? JoinedAt);

/// <summary>One seat the person had, with the instants their hub connections to it opened (presence, while connected).</summary>
public sealed record PersonalDataSeat(
    Guid ParticipantId,
    Guid RoomId,
    string RoomCode,
    string? RoomTitle,
    ParticipantRole Role,
    string Name,
    DateTimeOffset JoinedAt,
    DateTimeOffset? RemovedAt,
    DateTimeOffset? RoomEndedAt,
    IReadOnlyList<DateTimeOffset> ConnectedAt);

/// <summary>A question the person was asked, their answer, and every version of the score given to it.</summary>
public sealed record PersonalDataAnswer(
    Guid TurnId,
    Guid RoomId,
    Guid ParticipantId,
    int Round,
    int QuestionId,
    int QuestionNumber,
    string QuestionText,
    int TimeLimitSeconds,
    TurnStatus Status,
    DateTimeOffset AskedAt,
    DateTimeOffset? DeliveredAt,
    DateTimeOffset Deadline,
    DateTimeOffset? SubmittedAt,
    DateTimeOffset? TimeUpAt,
    DateTimeOffset? ClosedAt,
    long? ResponseTimeMs,
    bool IsLate,
    string? AnswerText,
    IReadOnlyList<PersonalDataScore>? Scores);

/// <summary>One version of a score given to the answer, as stored.</summary>
public sealed record PersonalDataScore(
    int Version,
    int? Overall,
    int? SuggestedOverall,
    bool NotAssessed,
    IReadOnlyList<CriterionRating> Ratings,
    IReadOnlyList<string> RedFlags,
    string? Notes,
    int RubricVersion,
    DateTimeOffset ScoredAt,
    string? ScoredBy);
