using System.Collections.Concurrent;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Baseline;

/// <summary>Every room and class, in memory. A room's turns change under the room's own lock.</summary>
internal sealed class Store
{
    private readonly ConcurrentDictionary<Guid, Room> rooms = new();
    private readonly ConcurrentDictionary<string, Room> byCode = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<Guid, ConcurrentQueue<Room>> classes = new();

    public Room AddRoom(string interviewerName, Guid? classId)
    {
        var room = new Room(Guid.CreateVersion7(), Guid.NewGuid().ToString("N")[..8].ToUpperInvariant(), classId, Guid.CreateVersion7(), interviewerName);
        rooms[room.Id] = room;
        byCode[room.Code] = room;
        if (classId is { } id)
        {
            classes.GetOrAdd(id, _ => new ConcurrentQueue<Room>()).Enqueue(room);
        }

        return room;
    }

    public Room? ByCode(string code) => byCode.GetValueOrDefault(code.Trim());

    /// <summary>After a restart the memory is empty: a known token's room comes back empty, as a plain reconnection needs.</summary>
    public Room RoomOf(Guid roomId) => rooms.GetOrAdd(roomId, id => new Room(id, "RESTARTD", null, Guid.CreateVersion7(), "Interviewer"));

    public Guid AddClass()
    {
        var id = Guid.CreateVersion7();
        classes[id] = new ConcurrentQueue<Room>();
        return id;
    }

    public IEnumerable<Room> RoomsOf(Guid classId) => classes.TryGetValue(classId, out var list) ? list : [];
}

internal sealed class Room(Guid id, string code, Guid? classId, Guid interviewerId, string interviewerName)
{
    public Guid Id => id;

    public string Code => code;

    public Guid? ClassId => classId;

    public Guid InterviewerId => interviewerId;

    public string InterviewerName => interviewerName;

    public Guid? CandidateId { get; set; }

    public string CandidateName { get; set; } = "";

    public DateTimeOffset CreatedAt { get; } = DateTimeOffset.UtcNow;

    public object Gate { get; } = new();

    public List<Turn> Turns { get; } = [];

    public Turn? Find(Guid turnId) => Turns.LastOrDefault(t => t.Id == turnId);

    /// <summary>The SignalR group of the interviewer's connections (full views) and of everyone else's (public views).</summary>
    public string Staff => $"{id:N}:staff";

    public string Others => $"{id:N}:others";
}

/// <summary>One question asked in a room, with what the product's turn view shows.</summary>
internal sealed class Turn(Guid roomId, int ordinal, QuestionDto question, int timeLimitSeconds)
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public DateTimeOffset AskedAt { get; } = DateTimeOffset.UtcNow;

    public DateTimeOffset? DeliveredAt { get; set; }

    public DateTimeOffset? SubmittedAt { get; set; }

    public string? AnswerText { get; set; }

    public string? SubmitRequestId { get; set; }

    public List<ScoreView> Scores { get; } = [];

    public QuestionDto Question => question;

    public TurnStatus Status => SubmittedAt is not null ? TurnStatus.Submitted : DeliveredAt is not null ? TurnStatus.Answering : TurnStatus.Asked;

    public long? ResponseTimeMs => SubmittedAt is { } at ? (long)(at - (DeliveredAt ?? AskedAt)).TotalMilliseconds : null;

    public TurnView Public() => new(
        Id, roomId, ordinal, question.Id, question.Text, question.Kind, question.Topics, timeLimitSeconds, Status,
        AskedAt, DeliveredAt, AskedAt.AddSeconds(timeLimitSeconds), SubmittedAt, null, ResponseTimeMs,
        SubmittedAt > AskedAt.AddSeconds(timeLimitSeconds), AnswerText);

    public TurnView Full() => Public() with
    {
        Interviewer = new TurnInterviewerView(question.ReferenceAnswer, question.Guidance, question.Rubric, Scores.LastOrDefault(), Scores.Count),
    };
}
