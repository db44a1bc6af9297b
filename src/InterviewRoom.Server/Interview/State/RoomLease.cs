using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview.State;

/// <summary>
/// The right to change one room, held while <see cref="RoomStore.RunAsync{T}"/> runs: the room's state as the
/// database has it, and the one way to write it.
/// </summary>
internal sealed class RoomLease(InterviewRoomDb db, LiveRoom state)
{
    public LiveRoom State => state;

    public InterviewRoomDb Db => db;

    /// <summary>A change was committed under this lease (so the room's copy was checked by its guarded bump).</summary>
    public bool Committed { get; private set; }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction with the room's version bump, guarded by the version the
    /// decision was taken on. When the room moved on meanwhile, or <paramref name="write"/> returns false (one of
    /// its own conditions found the row changed), nothing is committed and the decision is taken again
    /// (<see cref="StaleRoomException"/>). After it returns, apply the change to <see cref="State"/>.
    /// </summary>
    public async Task CommitAsync(Func<CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        await RoomCommit.CommitAsync(db, [(state, write)], cancellationToken);
        Committed = true;
    }
}

/// <summary>
/// The right to change several rooms at once (a class push), held while <see cref="RoomStore.RunManyAsync{T}"/>
/// runs: each room as the database has it, in the order they were asked for, and one commit for all of them.
/// </summary>
internal sealed class RoomBatch(InterviewRoomDb db, IReadOnlyList<LiveRoom> rooms)
{
    /// <summary>The rooms that exist, in the order they were asked for.</summary>
    public IReadOnlyList<LiveRoom> Rooms => rooms;

    public InterviewRoomDb Db => db;

    /// <summary>
    /// Every room's write and version bump in one transaction, each bump guarded by the version its decision was
    /// taken on. When any room moved on meanwhile, nothing is committed for any of them and the whole batch is
    /// decided again (<see cref="StaleRoomException"/>). After it returns, apply the changes to the rooms' state.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<(LiveRoom Room, Func<CancellationToken, Task<bool>> Write)> changes, CancellationToken cancellationToken) =>
        RoomCommit.CommitAsync(db, changes, cancellationToken);
}

internal static class RoomCommit
{
    public static async Task CommitAsync(
        InterviewRoomDb db, IReadOnlyList<(LiveRoom Room, Func<CancellationToken, Task<bool>> Write)> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        db.Database.AutoSavepointsEnabled = false; // one transaction, no savepoints around each SaveChanges
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        foreach (var (room, write) in changes)
        {
            var bumped = await RoomSql.UpdateAsync<Room>(
                db, [(nameof(Room.Version), room.Version + 1)], [(nameof(Room.Id), room.Id), (nameof(Room.Version), room.Version)], cancellationToken);
            if (bumped == 0 || !await write(cancellationToken))
            {
                throw new StaleRoomException(room.Id);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        foreach (var (room, _) in changes)
        {
            room.Room.Version++;
        }
    }
}
