using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// After a round the pair trades places in the same room: the interviewer becomes the candidate and the
/// candidate the interviewer, and the room's round goes up by one. Turns keep who asked and who answered, so
/// the report shows both rounds.
/// </summary>
internal sealed partial class RoleSwapService(
    InterviewRoomDb db, RoomStore rooms, TimeProvider time, RoomNotifier notifier, Presence presence, ILogger<RoleSwapService> logger)
{
    /// <summary>
    /// Swaps the room's interviewer and candidate, once: a second call racing this one finds the round moved on
    /// and is refused, as are a room without a candidate and a room with a question still open.
    /// </summary>
    public Task<RolesSwappedEvent> SwapAsync(Caller caller, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            var interviewer = room.Seat(caller, ParticipantRole.Interviewer, "swap roles");
            room.EnsureOpen();
            var candidate = room.Candidate ?? throw RoomRuleException.Conflict("There is no candidate to swap with yet.");
            if (room.Latest is { } latest && TurnClock.IsRunning(latest, time.GetUtcNow().UtcDateTime))
            {
                throw RoomRuleException.Conflict($"Question {latest.Ordinal} is still open; swap roles after the answer or the time-up.");
            }

            var round = room.Room.Round;
            var next = round + 1; // a plain value: EF turns it into a parameter instead of compiling an expression per call
            await lease.CommitAsync(async ct =>
            {
                var moved = await db.Rooms.Where(r => r.Id == room.Id && r.Round == round && r.EndedAt == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Round, next), ct);

                // Candidate first: the room never has two candidates, which its unique index would refuse.
                await db.Participants.Where(p => p.Id == candidate.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.Role, ParticipantRole.Interviewer), ct);
                await db.Participants.Where(p => p.Id == interviewer.Id)
                    .ExecuteUpdateAsync(set => set.SetProperty(p => p.Role, ParticipantRole.Candidate), ct);
                return moved == 1;
            }, roomWidePush: true, cancellationToken);
            room.Room.Round = round + 1;
            candidate.Role = ParticipantRole.Interviewer;
            interviewer.Role = ParticipantRole.Candidate;

            LogSwapped(room.Id, round + 1);
            var swapped = new RolesSwappedEvent(room.Id, round + 1, await presence.ViewsAsync(db, room.Present.OrderBy(p => p.JoinedAt), cancellationToken));
            await notifier.RolesSwapped(room, swapped);
            return swapped;
        }, cancellationToken);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId}: roles swapped, round {Round} begins")]
    private partial void LogSwapped(Guid roomId, int round);
}
