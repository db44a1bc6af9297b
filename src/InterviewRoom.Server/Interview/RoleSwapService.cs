using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// After a round the pair trades places in the same room: the interviewer becomes the candidate and the
/// candidate the interviewer, and the room's round goes up by one. Turns keep who asked and who answered, so
/// the report shows both rounds.
/// </summary>
internal sealed partial class RoleSwapService(
    InterviewRoomDb db, TimeProvider time, RoomNotifier notifier, Presence presence, ILogger<RoleSwapService> logger)
{
    /// <summary>
    /// Swaps the room's interviewer and candidate, once: a second call racing this one finds the round moved on
    /// and is refused, as are a room without a candidate and a room with a question still open.
    /// </summary>
    public async Task<RolesSwappedEvent> SwapAsync(Caller caller, CancellationToken cancellationToken)
    {
        var room = await RoomAccess.OpenRoomAsync(db, caller, ParticipantRole.Interviewer, "swap roles", cancellationToken);
        var candidate = await db.Participants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoomId == room.Id && p.Role == ParticipantRole.Candidate && p.RemovedAt == null, cancellationToken)
            ?? throw RoomRuleException.Conflict("There is no candidate to swap with yet.");

        var now = time.GetUtcNow().UtcDateTime;
        var latest = await db.Turns.AsNoTracking().Where(t => t.RoomId == room.Id)
            .OrderByDescending(t => t.Ordinal).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && TurnClock.IsOpen(latest) && latest.Deadline > now)
        {
            throw RoomRuleException.Conflict(
                $"Question {latest.Ordinal} is still open; swap roles after the answer or the time-up.");
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var moved = await db.Rooms.Where(r => r.Id == room.Id && r.Round == room.Round && r.EndedAt == null)
                .ExecuteUpdateAsync(set => set.SetProperty(r => r.Round, r => r.Round + 1), cancellationToken);
            if (moved == 0)
            {
                throw RoomRuleException.Conflict("The roles were just swapped, or the room ended; reload the room.");
            }

            // Candidate first: the room never has two candidates, which its unique index would refuse.
            await db.Participants.Where(p => p.Id == candidate.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Role, ParticipantRole.Interviewer), cancellationToken);
            await db.Participants.Where(p => p.Id == caller.ParticipantId)
                .ExecuteUpdateAsync(set => set.SetProperty(p => p.Role, ParticipantRole.Candidate), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        LogSwapped(room.Id, room.Round + 1);
        var seats = await db.Participants.AsNoTracking().Where(p => p.RoomId == room.Id && p.RemovedAt == null)
            .OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        var swapped = new RolesSwappedEvent(room.Id, room.Round + 1, await presence.ViewsAsync(db, seats, cancellationToken));
        await notifier.RolesSwapped(swapped);
        return swapped;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: roles swapped, round {Round} begins")]
    private partial void LogSwapped(Guid roomId, int round);
}
