using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Contracts.Interview;

/// <summary>Where a turn (one question asked in a room) stands.</summary>
public enum TurnStatus
{
    /// <summary>Pushed; the candidate's client has not acknowledged it yet.</summary>
    Asked,

    /// <summary>Delivered to the candidate; the clock is running.</summary>
    Answering,

    /// <summary>The candidate submitted (see <see cref="TurnView.IsLate"/>).</summary>
    Submitted,

    /// <summary>The deadline passed with no answer.</summary>
    TimeUp,

    /// <summary>The room ended while the question was open.</summary>
    Closed,
}

/// <summary>
/// A turn as a participant sees it. <see cref="Interviewer"/> is present only for the seat that asked it (and for
/// the room's interviewer once revealed): candidates and observers never receive it (nor the field name).
/// <see cref="Feedback"/> appears for everyone once the interviewer reveals it. <see cref="AskedBy"/> is the asking
/// seat's participant id (absent for turns stored before it was recorded), the one seat that may score it.
/// <see cref="Seq"/> is the push's number, on the turn events only (absent in method results and <c>GetState</c>).
/// </summary>
public sealed record TurnView(
    Guid TurnId,
    Guid RoomId,
    int Ordinal,
    int QuestionId,
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
    TurnInterviewerView? Interviewer = null,
    TurnFeedbackView? Feedback = null,
    int Round = 1,
    Guid? AskedBy = null,
    long? Seq = null);

/// <summary>
/// What the interviewer chose to show after scoring (<c>Reveal</c>): present for candidates and observers only
/// once revealed, and always for the interviewer once revealed.
/// </summary>
public sealed record TurnFeedbackView(DateTimeOffset RevealedAt, string ReferenceAnswer, RubricDto Rubric, ScoreView Score);

/// <summary>What only the interviewer sees of a turn.</summary>
public sealed record TurnInterviewerView(
    string ReferenceAnswer,
    IReadOnlyList<GuidanceItem> Guidance,
    RubricDto Rubric,
    ScoreView? Score,
    int ScoreVersions);
