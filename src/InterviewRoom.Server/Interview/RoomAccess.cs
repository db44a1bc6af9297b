using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>The per-call checks every hub method starts with, read from the database, never from the client.</summary>
internal static class RoomAccess
{
    public const string RoomEndedMessage = "This room has ended; nothing more can be asked, answered or scored.";
    public const string SeatGoneMessage = "Your seat in this room no longer exists.";

    /// <summary>The caller's room, checked against the database: the seat exists, the role matches, the room is open.</summary>
    public static async Task<Room> OpenRoomAsync(
        InterviewRoomDb db, Caller caller, ParticipantRole requiredRole, string action, CancellationToken cancellationToken) =>
        EnsureOpen(await SeatAsync(db, caller, requiredRole, action, cancellationToken));

    public static Room EnsureOpen(Room room) =>
        room.EndedAt is null ? room : throw RoomRuleException.Conflict(RoomEndedMessage);

    /// <summary>
    /// The caller's room, ended or not, once the seat and its role are checked against the database. The role
    /// is read here on every call, not taken from the connection: a role swap takes effect at once.
    /// </summary>
    public static async Task<Room> SeatAsync(
        InterviewRoomDb db, Caller caller, ParticipantRole requiredRole, string action, CancellationToken cancellationToken)
    {
        var seat = await CurrentSeatAsync(db, caller, cancellationToken);
        return seat.Role == requiredRole
            ? seat.Room!
            : throw RoomRuleException.Forbidden($"Only the {requiredRole.ToString().ToLowerInvariant()} can {action}.");
    }

    /// <summary>The caller's seat with its room; refused when an instructor moved the person elsewhere.</summary>
    public static async Task<Participant> CurrentSeatAsync(InterviewRoomDb db, Caller caller, CancellationToken cancellationToken) =>
        await db.Participants.AsNoTracking().Include(p => p.Room)
            .SingleOrDefaultAsync(p => p.Id == caller.ParticipantId && p.RoomId == caller.RoomId && p.RemovedAt == null, cancellationToken)
        ?? throw RoomRuleException.Forbidden(SeatGoneMessage);

    /// <summary>
    /// The caller's room and a turn they asked: the seat that asked a question scores and reveals it, whatever
    /// its role now (the pair may have swapped since), and nobody else does, so nobody scores their own answer.
    /// </summary>
    public static async Task<(Room Room, Turn Turn)> AskedTurnAsync(
        InterviewRoomDb db, Caller caller, Guid turnId, string action, CancellationToken cancellationToken)
    {
        var seat = await CurrentSeatAsync(db, caller, cancellationToken);
        var turn = await TurnAsync(db, caller, turnId, cancellationToken);
        if (turn.InterviewerId is { } asker ? asker == seat.Id : seat.Role == ParticipantRole.Interviewer)
        {
            return (seat.Room!, turn);
        }

        throw RoomRuleException.Forbidden(seat.Role == ParticipantRole.Interviewer
            ? $"Only the interviewer who asked this question can {action}."
            : $"Only the interviewer can {action}.");
    }

    /// <summary>A turn of the caller's room; a turn id of another room is reported as unknown.</summary>
    public static async Task<Turn> TurnAsync(
        InterviewRoomDb db, Caller caller, Guid turnId, CancellationToken cancellationToken) =>
        await db.Turns.WithDetails().SingleOrDefaultAsync(t => t.Id == turnId && t.RoomId == caller.RoomId, cancellationToken)
        ?? throw RoomRuleException.NotFound("There is no such question in this room.");
}
