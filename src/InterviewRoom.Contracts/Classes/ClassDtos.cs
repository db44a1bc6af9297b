using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.Contracts.Classes;

/// <summary>Body of POST /api/classes. The question set is ordered; a missing time box takes the question's default.</summary>
public sealed record CreateClassRequest(string? Name, string? InstructorName = null, IReadOnlyList<ClassQuestionInput>? Questions = null);

public sealed record ClassQuestionInput(int QuestionId, int? TimeLimitSeconds = null);

/// <summary>201 answer of POST /api/classes. The instructor token is a secret; the student join URL is for the class.</summary>
public sealed record CreateClassResponse(Guid ClassId, string ClassCode, string InstructorToken, string InstructorUrl, string StudentJoinUrl);

/// <summary>Body of POST /api/classes/{classCode}/join.</summary>
public sealed record JoinClassRequest(string? Name);

public sealed record JoinClassResponse(Guid ClassId, Guid StudentId, string Token, string LobbyUrl);

/// <summary>How the class's rooms are arranged.</summary>
public enum ClassMode
{
    /// <summary>Students are waiting; no room yet.</summary>
    Lobby,

    /// <summary>Students interview each other in rooms of two (a third observes when the count is odd).</summary>
    Pairs,

    /// <summary>The instructor interviews one student; the rest observe.</summary>
    Panel,
}

/// <summary>Where a room stands, as the dashboard shows it.</summary>
public enum RoomPhase
{
    /// <summary>No question open.</summary>
    Waiting,

    Asked,
    Answering,
    Submitted,
    TimeUp,

    /// <summary>The latest answer has a score.</summary>
    Scored,

    Ended,
}

/// <summary>The answer of <c>GetClass()</c> and the payload of <c>ClassChanged</c>.</summary>
public sealed record ClassState(
    Guid ClassId,
    string Name,
    string Code,
    string InstructorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset? EndedAt,
    ClassMode Mode,
    int Round,
    IReadOnlyList<ClassQuestionView> Questions,
    IReadOnlyList<ClassStudentView> Students,
    IReadOnlyList<ClassRoomView> Rooms,
    ClassYou You,
    DateTimeOffset ServerTime);

/// <summary>Who is looking: the instructor, or a student with their current seat (if any).</summary>
public sealed record ClassYou(bool IsInstructor, Guid? StudentId, string Name, ClassSeat? Seat);

/// <summary>A seat in one of the class's rooms; <see cref="RoomUrl"/> opens it with the class token.</summary>
public sealed record ClassSeat(Guid RoomId, string RoomCode, Guid ParticipantId, ParticipantRole Role, string RoomUrl);

public sealed record ClassQuestionView(int QuestionId, int Number, string Text, int TimeLimitSeconds);

public sealed record ClassStudentView(Guid StudentId, string Name, bool Online, Guid? RoomId, ParticipantRole? Role, int Interviewed, int Answered);

/// <summary>
/// The payload of <c>StudentsChanged</c>: students whose presence, seat or counts changed. With <see cref="All"/>
/// the list is the whole class (replace it); otherwise only the listed students changed (update them in place).
/// </summary>
public sealed record StudentsChangedEvent(Guid ClassId, IReadOnlyList<ClassStudentView> Students, bool All);

/// <summary>One room of the class as the instructor's dashboard shows it; the payload of <c>ClassRoomChanged</c>.</summary>
public sealed record ClassRoomView(
    Guid RoomId,
    string RoomCode,
    int Round,
    RoomPhase Phase,
    DateTimeOffset? EndedAt,
    IReadOnlyList<ParticipantView> Seats,
    ClassTurnView? Current,
    IReadOnlyList<ClassTurnView> Turns);

/// <summary>One question asked in a class room, with who answered and the latest overall score.</summary>
public sealed record ClassTurnView(
    Guid TurnId,
    int Ordinal,
    int QuestionId,
    string QuestionText,
    TurnStatus Status,
    DateTimeOffset AskedAt,
    DateTimeOffset Deadline,
    long? ResponseTimeMs,
    bool IsLate,
    Guid? CandidateId,
    string? CandidateName,
    int? Overall,
    bool NotAssessed);

/// <summary>Argument of <c>PairStudents</c>: what happens to the odd student out.</summary>
public enum OddStudent
{
    /// <summary>They observe the first room.</summary>
    Observer,

    /// <summary>The instructor interviews them.</summary>
    Instructor,
}

/// <summary>The answer of <c>PushQuestion</c>: where the question was asked and where not, with why.</summary>
public sealed record PushResult(int QuestionId, IReadOnlyList<Guid> AskedRoomIds, IReadOnlyList<PushSkip> Skipped);

public sealed record PushSkip(Guid RoomId, string Reason);

/// <summary><c>Assigned</c>: sent to a student (and the instructor in panel mode) when their seat changes.</summary>
public sealed record AssignedEvent(Guid ClassId, ClassSeat? Seat);

/// <summary><c>ClassEnded</c>.</summary>
public sealed record ClassEndedEvent(Guid ClassId, DateTimeOffset EndedAt);

/// <summary>The fixed names of the class hub.</summary>
public static class ClassHubNames
{
    public const string Path = "/hubs/class";

    public static class Methods
    {
        public const string GetClass = nameof(GetClass);
        public const string SetQuestions = nameof(SetQuestions);
        public const string PairStudents = nameof(PairStudents);
        public const string StartPanel = nameof(StartPanel);
        public const string PushQuestion = nameof(PushQuestion);
        public const string MoveStudent = nameof(MoveStudent);
        public const string EndClass = nameof(EndClass);
    }

    public static class Events
    {
        public const string ClassChanged = nameof(ClassChanged);
        public const string ClassRoomChanged = nameof(ClassRoomChanged);
        public const string Assigned = nameof(Assigned);
        public const string ClassEnded = nameof(ClassEnded);
    }
}
