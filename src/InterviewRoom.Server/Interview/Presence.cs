using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Interview.State;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Who is online, shared by every server instance: one database row per open connection, counted only while its
/// instance's heartbeat is fresh. Transitions matter (first connection in, last out); a row is deleted when its
/// connection closes, so the table stays as small as the set of people online. Callers pass their own
/// <see cref="InterviewRoomDb"/> (a scoped unit of work); this class only holds the instance's identity.
/// </summary>
internal sealed class Presence(TimeProvider time)
{
    /// <summary>How often an instance says it is alive (<see cref="PresenceHeartbeat"/>).</summary>
    public static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(5);

    /// <summary>An instance silent this long is dead: its connections no longer count and are swept.</summary>
    public static readonly TimeSpan InstanceTimeout = TimeSpan.FromSeconds(20);

    private int registered;

    public string InstanceId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <returns>True when this is the principal's first live connection on any instance.</returns>
    public async Task<bool> ConnectedAsync(InterviewRoomDb db, Guid principalId, string connectionId, CancellationToken cancellationToken) =>
        (await ApplyAsync(db, [new PresenceChange(principalId, connectionId, Connected: true)], cancellationToken))[0];

    /// <returns>True when the principal has no live connection left on any instance.</returns>
    public async Task<bool> DisconnectedAsync(InterviewRoomDb db, Guid principalId, string connectionId, CancellationToken cancellationToken) =>
        (await ApplyAsync(db, [new PresenceChange(principalId, connectionId, Connected: false)], cancellationToken))[0];

    /// <summary>
    /// Applies connections opened and closed, in order, in one transaction (a row inserted or deleted each), then
    /// counts each principal's live connections everywhere once.
    /// </summary>
    /// <returns>
    /// For each change, whether it is a transition: the principal's first live connection on any instance (for a
    /// connect), or its last (for a disconnect). A connect and a disconnect that cancel out are neither.
    /// </returns>
    public async Task<bool[]> ApplyAsync(InterviewRoomDb db, IReadOnlyList<PresenceChange> changes, CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref registered, 1) == 0)
        {
            await BeatAsync(db, cancellationToken);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var rows = new Dictionary<Guid, int>(); // rows added minus rows removed, per principal
        var applied = new bool[changes.Count];
        Dictionary<Guid, int> alive;
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                for (var i = 0; i < changes.Count; i++)
                {
                    var change = changes[i];
                    var added = change.Connected
                        ? await InsertAsync(db, change, now, cancellationToken)
                        : -await RoomSql.DeleteAsync<LiveConnection>(db, [(nameof(LiveConnection.ConnectionId), change.ConnectionId)], cancellationToken);
                    applied[i] = added != 0;
                    rows[change.PrincipalId] = rows.GetValueOrDefault(change.PrincipalId) + added;
                }

                await transaction.CommitAsync(cancellationToken);
            }

            alive = await AliveCounts(db, [.. rows.Keys], Cutoff()).ToDictionaryAsync(c => c.Principal, c => c.Count, cancellationToken: cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        var transitions = new bool[changes.Count];
        foreach (var (principal, added) in rows)
        {
            var after = alive.GetValueOrDefault(principal);
            var before = after - added;
            if (before <= 0 && after > 0)
            {
                transitions[IndexOf(changes, applied, principal, connected: true, last: false)] = true;
            }
            else if (before > 0 && after <= 0)
            {
                transitions[IndexOf(changes, applied, principal, connected: false, last: true)] = true;
            }
        }

        return transitions;
    }

    private async Task<int> InsertAsync(InterviewRoomDb db, PresenceChange change, DateTime now, CancellationToken cancellationToken)
    {
        await RoomSql.InsertAsync(db, new LiveConnection
        {
            ConnectionId = change.ConnectionId,
            PrincipalId = change.PrincipalId,
            InstanceId = InstanceId,
            ConnectedAt = now,
        }, cancellationToken);
        return 1;
    }

    // The first connect (or the last disconnect) of the principal that changed a row: the one that made the transition.
    private static int IndexOf(IReadOnlyList<PresenceChange> changes, bool[] applied, Guid principal, bool connected, bool last)
    {
        var found = -1;
        for (var i = 0; i < changes.Count; i++)
        {
            if (applied[i] && changes[i].PrincipalId == principal && changes[i].Connected == connected)
            {
                found = i;
                if (!last)
                {
                    break;
                }
            }
        }

        return found;
    }

    public async Task<HashSet<Guid>> OnlineAsync(InterviewRoomDb db, IEnumerable<Guid> principalIds, CancellationToken cancellationToken)
    {
        var ids = principalIds.Distinct().ToList();
        return ids.Count == 0
            ? []
            : await AliveCounts(db, ids, Cutoff()).Select(c => c.Principal).ToHashSetAsync(cancellationToken: cancellationToken);
    }

    public async Task<List<ParticipantView>> ViewsAsync(InterviewRoomDb db, IEnumerable<Participant> participants, CancellationToken cancellationToken)
    {
        var list = participants.ToList();
        var online = await OnlineAsync(db, list.Select(p => p.Id), cancellationToken);
        return [.. list.Select(p => ViewOf(p, online.Contains(p.Id)))];
    }

    public static ParticipantView ViewOf(Participant participant, bool online) =>
        new(participant.Id, participant.Name, participant.Role, online);

    /// <summary>This instance is alive: insert or refresh its heartbeat row.</summary>
    public async Task BeatAsync(InterviewRoomDb db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var beat = await db.ServerInstances.Where(i => i.Id == InstanceId)
            .ExecuteUpdateAsync(set => set.SetProperty(i => i.SeenAt, now), cancellationToken);
        if (beat == 0)
        {
            var instance = new ServerInstance { Id = InstanceId, StartedAt = now, SeenAt = now };
            db.ServerInstances.Add(instance);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(instance).State = EntityState.Detached;
        }
    }

    /// <summary>
    /// Deletes the connections of instances that stopped beating (killed, or cut off) and the instances
    /// themselves; returns the principals who are now offline everywhere because of it.
    /// </summary>
    public async Task<List<Guid>> SweepDeadAsync(InterviewRoomDb db, CancellationToken cancellationToken)
    {
        var cutoff = time.GetUtcNow().UtcDateTime - InstanceTimeout;
        var dead = await db.ServerInstances.Where(i => i.SeenAt < cutoff && i.Id != InstanceId).Select(i => i.Id).ToListAsync(cancellationToken);
        if (dead.Count == 0)
        {
            return [];
        }

        var orphans = await db.LiveConnections.Where(c => dead.Contains(c.InstanceId)).Select(c => c.PrincipalId).Distinct().ToListAsync(cancellationToken);
        await db.LiveConnections.Where(c => dead.Contains(c.InstanceId)).ExecuteDeleteAsync(cancellationToken);
        await db.ServerInstances.Where(i => dead.Contains(i.Id)).ExecuteDeleteAsync(cancellationToken);
        var stillOnline = await OnlineAsync(db, orphans, cancellationToken);
        return [.. orphans.Where(id => !stillOnline.Contains(id))];
    }

    // Compiled once: it runs on every connect and every GetState, where LINQ's per-execution expression work (the
    // instance subquery refers to the context) cost more than the indexed lookup itself. Live connections per
    // principal, counting only instances that beat since the cutoff; a principal with none is not in the result.
    private static readonly Func<InterviewRoomDb, List<Guid>, DateTime, IAsyncEnumerable<AliveCount>> AliveCounts =
        EF.CompileAsyncQuery<InterviewRoomDb, List<Guid>, DateTime, AliveCount>((db, ids, cutoff) => db.LiveConnections
            .Where(c => ids.Contains(c.PrincipalId) && db.ServerInstances.Any(i => i.Id == c.InstanceId && i.SeenAt >= cutoff))
            .GroupBy(c => c.PrincipalId).Select(g => new AliveCount(g.Key, g.Count())));

    private sealed record AliveCount(Guid Principal, int Count);

    /// <summary>Connections count while their instance beat since this instant.</summary>
    private DateTime Cutoff() => time.GetUtcNow().UtcDateTime - InstanceTimeout;
}

/// <summary>A connection opened (<paramref name="Connected"/>) or closed, by the principal it belongs to.</summary>
internal sealed record PresenceChange(Guid PrincipalId, string ConnectionId, bool Connected);
