using System.Collections.Concurrent;
using InterviewRoom.Data;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Presence writes of every hub on this instance, grouped: connections opened and closed while one group is being
/// written go together in the next (<see cref="Presence.ApplyAsync"/>: one transaction, one count of who is online).
/// Alone, a change is written at once; when thousands of clients reconnect after a deploy, each group holds
/// everything that arrived meanwhile, so the cost per connection falls as the load rises (group commit).
/// A group that fails is written again change by change, so one bad change fails only its own connection.
/// </summary>
/// <remarks>
/// A row must go when its connection goes. SignalR runs a hub's disconnect handler only when its connect handler
/// returned, so the hubs never fail after the row is written; and every connection written here is tracked until
/// its disconnect is written: one that closed <see cref="ClosedGrace"/> ago without it (a connect handler that
/// failed anyway, a disconnect write that failed) is taken out by <see cref="SweepClosedAsync"/>, which tells the
/// room as the disconnect handler would have.
/// </remarks>
internal sealed partial class PresenceWriter(IServiceScopeFactory scopes, Presence presence, TimeProvider time, ILogger<PresenceWriter> logger)
{
    /// <summary>The most changes in one group (bounds one transaction's length).</summary>
    public const int MaxGroup = 500;

    /// <summary>How long a closed connection's disconnect handler has to remove its row before the sweep does.</summary>
    public static readonly TimeSpan ClosedGrace = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private readonly ConcurrentDictionary<string, Tracked> tracked = new();
    private List<Pending> waiting = [];
    private bool writing;

    /// <summary>Connections written here whose disconnect is not written yet.</summary>
    public int TrackedCount => tracked.Count;

    /// <summary>
    /// Writes the connection's row. <paramref name="closed"/> is the connection's own abort token and
    /// <paramref name="wentOffline"/> what its disconnect handler would tell others (run by the sweep in a scope of
    /// its own: it must not hold on to the hub's scoped services).
    /// </summary>
    /// <returns>True when this is the principal's first live connection on any instance.</returns>
    public async Task<bool> ConnectedAsync(Guid principalId, string connectionId, CancellationToken closed = default, Func<IServiceProvider, Task>? wentOffline = null)
    {
        var entry = new Tracked(principalId, wentOffline, time);
        var ours = tracked.TryAdd(connectionId, entry); // a connection id already tracked is a duplicate: its write fails
        if (ours)
        {
            entry.Registration = closed.UnsafeRegister(static (state, _) => ((Tracked)state!).Close(), entry); // at once if closed already
        }

        try
        {
            return await Enqueue(new PresenceChange(principalId, connectionId, Connected: true));
        }
        catch
        {
            // Not written: nothing for the sweep to remove.
            if (ours && tracked.TryRemove(KeyValuePair.Create(connectionId, entry)))
            {
                entry.Registration.Dispose();
            }

            throw;
        }
    }

    /// <returns>True when the principal has no live connection left on any instance.</returns>
    public async Task<bool> DisconnectedAsync(Guid principalId, string connectionId)
    {
        var wasLast = await Enqueue(new PresenceChange(principalId, connectionId, Connected: false));
        if (tracked.TryRemove(connectionId, out var entry))
        {
            entry.Registration.Dispose();
        }

        return wasLast;
    }

    /// <summary>
    /// Removes the rows of connections that closed over <see cref="ClosedGrace"/> ago and were never disconnected,
    /// telling their rooms of each person now offline everywhere.
    /// </summary>
    /// <returns>How many rows it removed.</returns>
    public async Task<int> SweepClosedAsync()
    {
        var swept = 0;
        foreach (var (connectionId, entry) in tracked)
        {
            if (entry.ClosedAt == 0 || time.GetElapsedTime(entry.ClosedAt) < ClosedGrace
                || !tracked.TryRemove(KeyValuePair.Create(connectionId, entry)))
            {
                continue;
            }

            bool wasLast;
            try
            {
                wasLast = await Enqueue(new PresenceChange(entry.PrincipalId, connectionId, Connected: false));
            }
            catch
            {
                tracked.TryAdd(connectionId, entry); // not written: the next sweep tries again
                throw;
            }

            swept++;
            LogSweptClosed(connectionId);
            if (wasLast && entry.WentOffline is { } tell)
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await tell(scope.ServiceProvider);
                }
                catch (Exception exception)
                {
                    LogTellFailed(exception, connectionId);
                }
            }
        }

        return swept;
    }

    private Task<bool> Enqueue(PresenceChange change)
    {
        var pending = new Pending(change, new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously));
        lock (gate)
        {
            waiting.Add(pending);
            if (writing)
            {
                return pending.Done.Task;
            }

            writing = true;
        }

        _ = Task.Run(WriteAllAsync);
        return pending.Done.Task;
    }

    // One writer at a time: takes whatever is waiting, writes it, and goes on until nothing is left.
    private async Task WriteAllAsync()
    {
        while (true)
        {
            List<Pending> group;
            lock (gate)
            {
                if (waiting.Count == 0)
                {
                    writing = false;
                    return;
                }

                if (waiting.Count <= MaxGroup)
                {
                    (group, waiting) = (waiting, []);
                }
                else
                {
                    group = waiting.GetRange(0, MaxGroup);
                    waiting.RemoveRange(0, MaxGroup);
                }
            }

            await WriteAsync(group);
        }
    }

    private async Task WriteAsync(List<Pending> group)
    {
        try
        {
            var transitions = await ApplyAsync([.. group.Select(p => p.Change)]);
            for (var i = 0; i < group.Count; i++)
            {
                group[i].Done.TrySetResult(transitions[i]);
            }
        }
        catch (Exception exception) when (group.Count > 1)
        {
            LogGroupFailed(exception, group.Count);
            foreach (var pending in group)
            {
                await WriteAsync([pending]);
            }
        }
        catch (Exception exception)
        {
            group[0].Done.TrySetException(exception);
        }
    }

    private async Task<bool[]> ApplyAsync(IReadOnlyList<PresenceChange> changes)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await presence.ApplyAsync(scope.ServiceProvider.GetRequiredService<InterviewRoomDb>(), changes, CancellationToken.None);
    }

    private sealed record Pending(PresenceChange Change, TaskCompletionSource<bool> Done);

    private sealed class Tracked(Guid principalId, Func<IServiceProvider, Task>? wentOffline, TimeProvider time)
    {
        private long closedAt;

        public Guid PrincipalId { get; } = principalId;

        public Func<IServiceProvider, Task>? WentOffline { get; } = wentOffline;

        public CancellationTokenRegistration Registration { get; set; }

        /// <summary>When the connection closed (a <see cref="TimeProvider"/> timestamp), or 0 while it is open.</summary>
        public long ClosedAt => Interlocked.Read(ref closedAt);

        public void Close() => Interlocked.CompareExchange(ref closedAt, Math.Max(1, time.GetTimestamp()), 0);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence: connection {ConnectionId} closed without its disconnect written; its row is removed")]
    private partial void LogSweptClosed(string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence: telling the room that connection {ConnectionId} went offline failed")]
    private partial void LogTellFailed(Exception exception, string connectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence: a group of {Count} changes failed; writing them one by one")]
    private partial void LogGroupFailed(Exception exception, int count);
}
