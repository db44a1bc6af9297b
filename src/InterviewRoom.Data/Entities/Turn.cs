namespace InterviewRoom.Data.Entities;

/// <summary>One question asked in a room, with its server-side timing and the candidate's answer.</summary>
public sealed class Turn
{
    public Guid Id { get; set; }

    public Guid RoomId { get; set; }

    public Room? Room { get; set; }

    /// <summary>1, 2, 3… within the room; unique, so two concurrent asks cannot both land.</summary>
    public required int Ordinal { get; set; }

    /// <summary>The room's round when asked: who answered is <see cref="CandidateId"/>, who asked <see cref="InterviewerId"/>.</summary>
    public int Round { get; set; } = 1;

    /// <summary>The seat that answered (the room's candidate when the question was asked).</summary>
    public Guid? CandidateId { get; set; }

    public Participant? Candidate { get; set; }

    /// <summary>The seat that asked and scores (the room's interviewer when the question was asked).</summary>
    public Guid? InterviewerId { get; set; }

    public Participant? Interviewer { get; set; }

    public int QuestionId { get; set; }

    public Question? Question { get; set; }

    /// <summary>The rubric version in force when the question was asked.</summary>
    public int RubricId { get; set; }

    public Rubric? Rubric { get; set; }

    public required int TimeLimitSeconds { get; set; }

    public required DateTime AskedAt { get; set; }

    /// <summary>When the candidate's client acknowledged the question (server clock).</summary>
    public DateTime? DeliveredAt { get; set; }

    /// <summary>AskedAt + TimeLimitSeconds when asked, DeliveredAt + TimeLimitSeconds once delivered (the clock starts when
    /// the candidate can see the question); stored so a restart keeps it.</summary>
    public required DateTime Deadline { get; set; }

    public DateTime? SubmittedAt { get; set; }

    /// <summary>When the server fired TimeUp; set once, by exactly one conditional update.</summary>
    public DateTime? TimeUpAt { get; set; }

    /// <summary>When the room ended with this turn still open.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>When the interviewer showed the candidate the rubric, reference answer and score.</summary>
    public DateTime? RevealedAt { get; set; }

    public string? AnswerText { get; set; }

    public string? SubmitRequestId { get; set; }

    public List<Score> Scores { get; set; } = [];
}
