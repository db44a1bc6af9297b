using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Interview.State;

/// <summary>
/// One room held live in memory, as the database holds it at <see cref="Version"/>: the room, every seat (moved-away ones included,
/// for the record), every turn in order with its question, rubric and latest score. Read and changed only by the
/// holder of the room's lease (<see cref="RoomStore"/>), so it needs no locking of its own. The entities are
/// detached copies: nothing here is tracked by a DbContext.
/// </summary>
internal sealed class LiveRoom(Room room, List<Participant> seats, List<Turn> turns)
{
    public const string RoomEndedMessage = "This room has ended; nothing more can be asked, answered or scored.";
    public const string SeatGoneMessage = "Your seat in this room no longer exists.";

    public Room Room { get; } = room;

    public Guid Id => Room.Id;

    public long Version => Room.Version;

    /// <summary>
    /// The number of the room's latest push this copy knows of: exact right after a commit that pushes to the room
    /// (the number that push carries), possibly behind otherwise (presence pushes take numbers without a new version).
    /// </summary>
    public long PushSequence => Room.PushSequence;

    public bool Ended => Room.EndedAt is not null;

    /// <summary>Every seat, moved-away ones included (turns refer to them).</summary>
    public List<Participant> Seats { get; } = seats;

    /// <summary>Every turn, by ordinal.</summary>
    public List<Turn> Turns { get; } = turns;

    /// <summary>The seats people sit in now.</summary>
    public IEnumerable<Participant> Present => Seats.Where(p => p.RemovedAt is null);

    public Participant? Candidate => Present.FirstOrDefault(p => p.Role == ParticipantRole.Candidate);

    public Participant? Interviewer => Present.FirstOrDefault(p => p.Role == ParticipantRole.Interviewer);

    public Turn? Latest => Turns.Count == 0 ? null : Turns[^1];

    public Participant? SeatOf(Guid participantId) => Present.FirstOrDefault(p => p.Id == participantId);

    public Participant? AnySeat(Guid? participantId) => participantId is { } id ? Seats.FirstOrDefault(p => p.Id == id) : null;

    /// <summary>The caller's seat; refused when it was moved away.</summary>
    public Participant Seat(Caller caller) =>
        SeatOf(caller.ParticipantId) ?? throw RoomRuleException.Forbidden(SeatGoneMessage);

    /// <summary>The caller's seat, which must have the role to do <paramref name="action"/> (read now: a swap counts at once).</summary>
    public Participant Seat(Caller caller, ParticipantRole role, string action)
    {
        var seat = Seat(caller);
        return seat.Role == role
            ? seat
            : throw RoomRuleException.Forbidden($"Only the {role.ToString().ToLowerInvariant()} can {action}.");
    }

    /// <summary>
    /// The caller's seat and a turn it asked: only the seat that asked a question scores and reveals it
    /// (<see cref="Visibility.AskedBy"/>).
    /// </summary>
    public Turn AskedTurn(Caller caller, Guid turnId, string action)
    {
        var seat = Seat(caller);
        var turn = Turn(turnId);
        return Visibility.AskedBy(turn, seat)
            ? turn
            : throw RoomRuleException.Forbidden(seat.Role == ParticipantRole.Interviewer
                ? $"Only the interviewer who asked this question can {action}."
                : $"Only the interviewer can {action}.");
    }

    public void EnsureOpen()
    {
        if (Ended)
        {
            throw RoomRuleException.Conflict(RoomEndedMessage);
        }
    }

    /// <summary>A turn of this room; a turn id of another room is reported as unknown.</summary>
    public Turn Turn(Guid turnId) =>
        Turns.FirstOrDefault(t => t.Id == turnId) ?? throw RoomRuleException.NotFound("There is no such question in this room.");
}
