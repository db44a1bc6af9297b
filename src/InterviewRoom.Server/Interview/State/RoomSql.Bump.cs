using System.Collections.Concurrent;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace InterviewRoom.Server.Interview.State;

internal static partial class RoomSql
{
    private static readonly ConcurrentDictionary<(IModel Model, bool Guarded), Statement> Bumps = new();

    /// <summary>
    /// The room row's one statement per change: adds <paramref name="versions"/> to its version and
    /// <paramref name="pushes"/> to its push sequence, atomically, and returns both as they are now. With
    /// <paramref name="expectedVersion"/> only while the version is still that one. Null: no such room, or it moved on.
    /// One statement however it is used, because the numbers come back with it (RETURNING on SQLite, OUTPUT on SQL Server).
    /// </summary>
    public static async Task<(long Version, long PushSequence)?> BumpAsync(
        InterviewRoomDb db, Guid roomId, long? expectedVersion, int versions, int pushes, CancellationToken cancellationToken)
    {
        var bump = Bumps.GetOrAdd((db.Model, expectedVersion is not null), static (key, db) => BumpFor(db, key.Guarded), db);
        await using var command = Command(db, bump.Sql);
        bump.Bind(command, expectedVersion is { } expected ? [(long)versions, (long)pushes, roomId, expected] : [(long)versions, (long)pushes, roomId]);
        Executing(command);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? (reader.GetInt64(0), reader.GetInt64(1)) : null;
    }

    private static Statement BumpFor(InterviewRoomDb db, bool guarded)
    {
        string[] columns = [nameof(Room.Version), nameof(Room.PushSequence), nameof(Room.Id)];
        var where = guarded ? "WHERE {2} = @p2 AND {0} = @p3" : "WHERE {2} = @p2";
        var template = db.Database.IsSqlite()
            ? $"UPDATE {{table}} SET {{0}} = {{0}} + @p0, {{1}} = {{1}} + @p1 {where} RETURNING {{0}}, {{1}}"
            : $"UPDATE {{table}} SET {{0}} = {{0}} + @p0, {{1}} = {{1}} + @p1 OUTPUT INSERTED.{{0}}, INSERTED.{{1}} {where}";
        return Statement.Of(db, typeof(Room), template, columns, guarded ? [.. columns, nameof(Room.Version)] : columns);
    }
}
