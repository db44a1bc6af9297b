using System.Collections.Concurrent;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview.State;

/// <summary>
/// Rooms in memory, one writer at a time per room on this instance, kept exact by the room's version (ADR 0015).
/// <list type="bullet">
/// <item>Entering a room reads its version (one primary-key lookup) and reloads the copy only when it moved: a
/// change made by another instance, or by a writer outside this store, is seen at the next call.</item>
/// <item>A write bumps the version in the same transaction, guarded by the version it was decided on: if the room
/// changed in between (another instance), nothing is written and the call is decided again on fresh state.</item>
/// <item>So a decision, the write and the pushes that follow all see the room as the database has it, on one
/// instance or many, without a database read per rule.</item>
/// </list>
/// </summary>
internal sealed class RoomStore(QuestionCatalog catalog, TimeProvider time)
{
    /// <summary>A room nobody entered for this long is dropped from memory (it is reloaded when someone comes back).</summary>
    public static readonly TimeSpan IdleLifetime = TimeSpan.FromMinutes(5);

    private const int MaxAttempts = 4;

    private readonly ConcurrentDictionary<Guid, Entry> entries = new();

    public int Count => entries.Count;

    /// <summary>
    /// Runs <paramref name="work"/> as the room's only writer on this instance, with the room as the database has
    /// it. When the room changed between the decision and its write (<see cref="StaleRoomException"/>), the work is
    /// run again on fresh state. A room that does not exist is refused like a seat that is gone.
    /// </summary>
    public async Task<T> RunAsync<T>(InterviewRoomDb db, Guid roomId, Func<RoomLease, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var entry = entries.GetOrAdd(roomId, _ => new Entry());
            await entry.Gate.WaitAsync(cancellationToken);
            try
            {
                // One connection for the whole call (version check, write, pushes' reads), not one per statement.
                await db.Database.OpenConnectionAsync(cancellationToken);
                entry.LastUsed = time.GetTimestamp();
                var state = await CurrentAsync(db, entry, roomId, cancellationToken)
                    ?? throw RoomRuleException.Forbidden(LiveRoom.SeatGoneMessage);
                return await work(new RoomLease(db, state));
            }
            catch (StaleRoomException) when (attempt < MaxAttempts)
            {
                entry.State = null;
                db.ChangeTracker.Clear();
            }
            catch (Exception exception) when (exception is not RoomRuleException)
            {
                entry.State = null; // a failure after a write may have left the copy half-applied: read it again next time
                throw;
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
                entry.Gate.Release();
            }
        }
    }

    /// <summary>Drops rooms nobody entered for <see cref="IdleLifetime"/>; a room being entered now is kept.</summary>
    public int Sweep()
    {
        var dropped = 0;
        foreach (var (roomId, entry) in entries)
        {
            if (time.GetElapsedTime(entry.LastUsed) > IdleLifetime && entry.Gate.Wait(0))
            {
                try
                {
                    if (time.GetElapsedTime(entry.LastUsed) > IdleLifetime && entries.TryRemove(KeyValuePair.Create(roomId, entry)))
                    {
                        dropped++;
                    }
                }
                finally
                {
                    entry.Gate.Release();
                }
            }
        }

        return dropped;
    }

    private async Task<LiveRoom?> CurrentAsync(InterviewRoomDb db, Entry entry, Guid roomId, CancellationToken cancellationToken)
    {
        var version = await RoomSql.VersionAsync(db, roomId, cancellationToken);
        if (version is null)
        {
            entry.State = null;
            return null;
        }

        if (entry.State?.Version != version)
        {
            entry.State = await LoadAsync(db, roomId, cancellationToken);
        }

        return entry.State;
    }

    /// <summary>The room, its seats and turns with their questions, rubrics and latest scores: four queries.</summary>
    private async Task<LiveRoom?> LoadAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking().SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken);
        if (room is null)
        {
            return null;
        }

        var seats = await db.Participants.AsNoTracking().Where(p => p.RoomId == roomId).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        var turns = await db.Turns.AsNoTracking().Where(t => t.RoomId == roomId).OrderBy(t => t.Ordinal).ToListAsync(cancellationToken);
        var latest = (await db.Scores.AsNoTracking().Where(s => s.Turn!.RoomId == roomId).ToListAsync(cancellationToken))
            .GroupBy(s => s.TurnId).ToDictionary(g => g.Key, g => g.MaxBy(s => s.Version)!);
        foreach (var turn in turns)
        {
            turn.Question = await catalog.QuestionAsync(db, turn.QuestionId, cancellationToken);
            turn.Rubric = await catalog.RubricAsync(db, turn.RubricId, cancellationToken);
            turn.Scores = latest.TryGetValue(turn.Id, out var score) ? [score] : [];
        }

        return new LiveRoom(room, seats, turns);
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public LiveRoom? State { get; set; }

        public long LastUsed { get; set; }
    }
}

/// <summary>The room changed after the decision was taken; the store takes it again on fresh state.</summary>
internal sealed class StaleRoomException() : Exception("The room changed while a change to it was being decided.");
