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
/// <item>A call is decided on the copy in memory (loaded when there is none). A write bumps the version in the
/// same transaction, guarded by the version it was decided on: if the room changed meanwhile (another instance, or a
/// writer outside this store), nothing is written and the call is decided again on fresh state.</item>
/// <item>A call that writes nothing (a read, a repeat, a refusal) checks the version (one primary-key lookup)
/// before it answers, and is decided again on fresh state when the room moved.</item>
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
                var loaded = entry.State is null;
                var state = entry.State ??= await LoadAsync(db, roomId, cancellationToken)
                    ?? throw RoomRuleException.Forbidden(LiveRoom.SeatGoneMessage);
                var lease = new RoomLease(db, state, loaded);
                T result;
                try
                {
                    result = await work(lease);
                }
                catch (RoomRuleException) when (!loaded && !lease.Checked)
                {
                    // A refusal decided on the copy stands only if the copy was current (a swap elsewhere may have
                    // given the caller the role it was refused for).
                    await EnsureCurrentAsync(db, state, cancellationToken);
                    throw;
                }

                // A write was checked by its guarded bump, a sequence read or taken by that statement; anything else
                // is checked now, before it is answered.
                if (!loaded && !lease.Checked)
                {
                    await EnsureCurrentAsync(db, state, cancellationToken);
                }

                return result;
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

    /// <summary>
    /// Runs <paramref name="work"/> as the only writer of all these rooms on this instance (a class push): the same
    /// guarantees as <see cref="RunAsync{T}"/> for each room, with one version query for all of them and one commit
    /// (<see cref="RoomBatch.CommitAsync"/>). The gates are taken in one global order (by room id), so two batches
    /// over overlapping rooms cannot wait on each other. Rooms that do not exist are left out of the batch.
    /// </summary>
    public async Task<T> RunManyAsync<T>(InterviewRoomDb db, IEnumerable<Guid> roomIds, Func<RoomBatch, Task<T>> work, CancellationToken cancellationToken)
    {
        var ids = roomIds.Distinct().ToList();
        for (var attempt = 1; ; attempt++)
        {
            var held = new List<(Guid RoomId, Entry Entry)>(ids.Count);
            var opened = false;
            try
            {
                foreach (var roomId in ids.Order())
                {
                    var entry = entries.GetOrAdd(roomId, _ => new Entry());
                    await entry.Gate.WaitAsync(cancellationToken);
                    held.Add((roomId, entry));
                }

                await db.Database.OpenConnectionAsync(cancellationToken);
                opened = true;
                var versions = await db.Rooms.AsNoTracking().Where(r => ids.Contains(r.Id))
                    .Select(r => new { r.Id, r.Version }).ToDictionaryAsync(r => r.Id, r => r.Version, cancellationToken);
                var byId = held.ToDictionary(h => h.RoomId, h => h.Entry);
                var states = new List<LiveRoom>(ids.Count);
                foreach (var roomId in ids)
                {
                    var entry = byId[roomId];
                    entry.LastUsed = time.GetTimestamp();
                    if (!versions.TryGetValue(roomId, out var version))
                    {
                        entry.State = null;
                        continue;
                    }

                    if (entry.State?.Version != version)
                    {
                        entry.State = await LoadAsync(db, roomId, cancellationToken);
                    }

                    if (entry.State is { } state)
                    {
                        states.Add(state);
                    }
                }

                return await work(new RoomBatch(db, states));
            }
            catch (StaleRoomException stale) when (attempt < MaxAttempts)
            {
                foreach (var (roomId, entry) in held.Where(h => h.RoomId == stale.RoomId))
                {
                    entry.State = null;
                }

                db.ChangeTracker.Clear();
            }
            catch (Exception exception) when (exception is not RoomRuleException)
            {
                foreach (var (_, entry) in held)
                {
                    entry.State = null;
                }

                throw;
            }
            finally
            {
                if (opened)
                {
                    await db.Database.CloseConnectionAsync();
                }

                foreach (var (_, entry) in held)
                {
                    entry.Gate.Release();
                }
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

    private static async Task EnsureCurrentAsync(InterviewRoomDb db, LiveRoom state, CancellationToken cancellationToken)
    {
        if (await RoomSql.CountersAsync(db, state.Id, cancellationToken) is not { } counters || counters.Version != state.Version)
        {
            throw new StaleRoomException(state.Id);
        }
    }

    // The room load runs once per room after a restart (every reconnecting client's room): compiled once, so it pays
    // for the four statements and not for LINQ's per-execution expression work.
    private static readonly Func<InterviewRoomDb, Guid, CancellationToken, Task<Room?>> RoomById =
        EF.CompileAsyncQuery((InterviewRoomDb db, Guid roomId, CancellationToken _) => db.Rooms.AsNoTracking().SingleOrDefault(r => r.Id == roomId));

    private static readonly Func<InterviewRoomDb, Guid, IAsyncEnumerable<Participant>> SeatsOf =
        EF.CompileAsyncQuery<InterviewRoomDb, Guid, Participant>((db, roomId) => db.Participants.AsNoTracking().Where(p => p.RoomId == roomId).OrderBy(p => p.JoinedAt));

    private static readonly Func<InterviewRoomDb, Guid, IAsyncEnumerable<Turn>> TurnsOf =
        EF.CompileAsyncQuery<InterviewRoomDb, Guid, Turn>((db, roomId) => db.Turns.AsNoTracking().Where(t => t.RoomId == roomId).OrderBy(t => t.Ordinal));

    private static readonly Func<InterviewRoomDb, Guid, IAsyncEnumerable<Score>> ScoresOf =
        EF.CompileAsyncQuery<InterviewRoomDb, Guid, Score>((db, roomId) => db.Scores.AsNoTracking().Where(s => s.Turn!.RoomId == roomId));

    /// <summary>The room, its seats and turns with their questions, rubrics and latest scores: four queries.</summary>
    private async Task<LiveRoom?> LoadAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken)
    {
        var room = await RoomById(db, roomId, cancellationToken);
        if (room is null)
        {
            return null;
        }

        var seats = await SeatsOf(db, roomId).ToListAsync(cancellationToken);
        var turns = await TurnsOf(db, roomId).ToListAsync(cancellationToken);
        var latest = (await ScoresOf(db, roomId).ToListAsync(cancellationToken))
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
internal sealed class StaleRoomException(Guid roomId) : Exception("The room changed while a change to it was being decided.")
{
    public Guid RoomId { get; } = roomId;
}
