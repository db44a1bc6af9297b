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

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction with the room's version bump, guarded by the version the
    /// decision was taken on. When the room moved on meanwhile, or <paramref name="write"/> returns false (one of
    /// its own conditions found the row changed), nothing is committed and the decision is taken again
    /// (<see cref="StaleRoomException"/>). After it returns, apply the change to <see cref="State"/>.
    /// </summary>
    public async Task CommitAsync(Func<CancellationToken, Task<bool>> write, CancellationToken cancellationToken)
    {
        var (roomId, expected, next) = (state.Id, state.Version, state.Version + 1);
        db.Database.AutoSavepointsEnabled = false; // one transaction, no savepoints around each SaveChanges
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var bumped = await RoomSql.UpdateAsync<Room>(
            db, [(nameof(Room.Version), next)], [(nameof(Room.Id), roomId), (nameof(Room.Version), expected)], cancellationToken);
        if (bumped == 0 || !await write(cancellationToken))
        {
            throw new StaleRoomException();
        }

        await transaction.CommitAsync(cancellationToken);
        state.Room.Version = next;
    }
}

/// <summary>For writers outside the store (joins, class moves): the room changed, so every instance's copy is stale.</summary>
internal static class RoomVersions
{
    public static Task BumpAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken) =>
        db.Rooms.Where(r => r.Id == roomId).ExecuteUpdateAsync(set => set.SetProperty(r => r.Version, r => r.Version + 1), cancellationToken);
}
