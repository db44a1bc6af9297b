using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using InterviewRoom.Server.Rooms;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.PersonalData;

/// <summary>
/// The statements that erase a person's data in one room, shared by a delete on request and by retention. Each is
/// a set-based UPDATE or DELETE whose result does not depend on how often it runs, so a repeated delete, or two
/// instances sweeping the same room at once, end in the same rows. The caller runs them in one transaction, and
/// they bump the room's version in it, so no instance acts on its in-memory copy of the room afterwards (ADR 0015).
/// </summary>
internal static class Erasure
{
    /// <summary>
    /// The seats' answers and every version of their scores go; a question still open for them is closed (so the
    /// interviewer can go on); the seats keep their ids, role and join time, take a placeholder name, lose their
    /// token and admit no one.
    /// </summary>
    public static async Task SeatsAsync(InterviewRoomDb db, Guid roomId, IReadOnlyList<Guid> seatIds, DateTime now, CancellationToken cancellationToken)
    {
        var answered = db.Turns.Where(t => t.RoomId == roomId && t.CandidateId != null && seatIds.Contains(t.CandidateId.Value));
        await AnswersAndScoresAsync(db, answered, now, cancellationToken);
        await db.Participants.Where(p => p.RoomId == roomId && seatIds.Contains(p.Id)).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Name, Erased.SeatName)
            .SetProperty(p => p.TokenHash, (string?)null)
            .SetProperty(p => p.RemovedAt, p => p.RemovedAt ?? now), cancellationToken);
        await RoomVersions.BumpAsync(db, roomId, cancellationToken);
    }

    /// <summary>Retention: every answer, score and name of an ended room, and its title (which may name someone).</summary>
    public static async Task EndedRoomAsync(InterviewRoomDb db, Guid roomId, DateTime now, CancellationToken cancellationToken)
    {
        await AnswersAndScoresAsync(db, db.Turns.Where(t => t.RoomId == roomId), now, cancellationToken);
        await db.Participants.Where(p => p.RoomId == roomId).ExecuteUpdateAsync(set => set
            .SetProperty(p => p.Name, Erased.SeatName), cancellationToken);
        await db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Title, (string?)null), cancellationToken);
        await RoomVersions.BumpAsync(db, roomId, cancellationToken);
    }

    private static async Task AnswersAndScoresAsync(InterviewRoomDb db, IQueryable<Turn> turns, DateTime now, CancellationToken cancellationToken)
    {
        var turnIds = turns.Select(t => t.Id);
        await db.Scores.Where(s => turnIds.Contains(s.TurnId)).ExecuteDeleteAsync(cancellationToken);
        await turns.Where(TurnClock.Open).ExecuteUpdateAsync(set => set.SetProperty(t => t.ClosedAt, now), cancellationToken);
        await turns.Where(t => t.AnswerText != null).ExecuteUpdateAsync(set => set.SetProperty(t => t.AnswerText, (string?)null), cancellationToken);
    }
}
