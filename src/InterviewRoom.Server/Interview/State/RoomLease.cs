using InterviewRoom.Data;

namespace InterviewRoom.Server.Interview.State;

/// <summary>
/// The right to change one room, held while <see cref="RoomStore.RunAsync{T}"/> runs: the room's state as the
/// database has it, and the one way to write it.
/// </summary>
internal sealed class RoomLease(InterviewRoomDb db, LiveRoom state, bool loadedNow)
{
    public LiveRoom State => state;

    public InterviewRoomDb Db => db;

    /// <summary>A change was committed under this lease (so the room's copy was checked by its guarded bump).</summary>
    public bool Committed { get; private set; }

    /// <summary>The copy was found current during this lease (a commit, or a sequence read or taken): no further check is needed.</summary>
    public bool Checked { get; private set; }

    /// <summary>
    /// Runs <paramref name="write"/> in one transaction with the room's version bump, guarded by the version the
    /// decision was taken on. When the room moved on meanwhile, or <paramref name="write"/> returns false (one of
    /// its own conditions found the row changed), nothing is committed and the decision is taken again
    /// (<see cref="StaleRoomException"/>). After it returns, apply the change to <see cref="State"/>.
    /// <paramref name="roomWidePush"/>: the change is followed by one push to the whole room, which takes the room's
    /// next push number in the same statement as the bump (<see cref="LiveRoom.PushSequence"/> is that number then).
    /// </summary>
    public async Task CommitAsync(Func<CancellationToken, Task<bool>> write, bool roomWidePush, CancellationToken cancellationToken)
    {
        await RoomCommit.CommitAsync(db, [(state, write)], roomWidePush, cancellationToken);
        Committed = true;
        Checked = true;
    }

    /// <summary>
    /// The number of the room's latest push, read before anything else of the state so that every push up to it
    /// is in what follows (a client that gets this number with the state drops those pushes as already seen). The
    /// same read checks the copy's version, so the call needs no other check; a room loaded for this call was just read.
    /// </summary>
    public async Task<long> ReadSequenceAsync(CancellationToken cancellationToken)
    {
        if (!loadedNow)
        {
            var (version, sequence) = await RoomSql.CountersAsync(db, state.Id, cancellationToken)
                ?? throw new StaleRoomException(state.Id);
            Current(version, sequence);
        }

        return state.PushSequence;
    }

    /// <summary>
    /// Takes the room's next push number for a push that changes no room row (presence): one atomic statement,
    /// guarded by the copy's version, so it checks the copy too. When the copy is stale (a seat joined over HTTP
    /// since, which bumps the version) no number is taken and the call is decided again on fresh state: a number
    /// is never thrown away, which every client would see as a gap.
    /// </summary>
    public async Task<long> TakeSequenceAsync(CancellationToken cancellationToken)
    {
        var (version, sequence) = await RoomSql.BumpAsync(db, state.Id, state.Version, versions: 0, pushes: 1, cancellationToken)
            ?? throw new StaleRoomException(state.Id);
        Current(version, sequence);
        return sequence;
    }

    private void Current(long version, long sequence)
    {
        if (version != state.Version)
        {
            throw new StaleRoomException(state.Id);
        }

        state.Room.PushSequence = sequence;
        Checked = true;
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
    /// Each room's change is followed by one push to that whole room: each takes its room's next push number.
    /// </summary>
    public Task CommitAsync(IReadOnlyList<(LiveRoom Room, Func<CancellationToken, Task<bool>> Write)> changes, CancellationToken cancellationToken) =>
        RoomCommit.CommitAsync(db, changes, roomWidePush: true, cancellationToken);
}

internal static class RoomCommit
{
    public static async Task CommitAsync(
        InterviewRoomDb db, IReadOnlyList<(LiveRoom Room, Func<CancellationToken, Task<bool>> Write)> changes, bool roomWidePush,
        CancellationToken cancellationToken)
    {
        if (changes.Count == 0)
        {
            return;
        }

        db.Database.AutoSavepointsEnabled = false; // one transaction, no savepoints around each SaveChanges
        var sequences = new long[changes.Count];
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        for (var i = 0; i < changes.Count; i++)
        {
            var (room, write) = changes[i];
            var bumped = await RoomSql.BumpAsync(db, room.Id, room.Version, versions: 1, pushes: roomWidePush ? 1 : 0, cancellationToken);
            if (bumped is null || !await write(cancellationToken))
            {
                throw new StaleRoomException(room.Id);
            }

            sequences[i] = bumped.Value.PushSequence;
        }

        await transaction.CommitAsync(cancellationToken);
        for (var i = 0; i < changes.Count; i++)
        {
            changes[i].Room.Room.Version++;
            changes[i].Room.Room.PushSequence = sequences[i];
        }
    }
}
