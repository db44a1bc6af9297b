using InterviewRoom.Data;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Presence writes of every hub on this instance, grouped: connections opened and closed while one group is being
/// written go together in the next (<see cref="Presence.ApplyAsync"/>: one transaction, one count of who is online).
/// Alone, a change is written at once; when thousands of clients reconnect after a deploy, each group holds
/// everything that arrived meanwhile, so the cost per connection falls as the load rises (group commit).
/// A group that fails is written again change by change, so one bad change fails only its own connection.
/// </summary>
internal sealed partial class PresenceWriter(IServiceScopeFactory scopes, Presence presence, ILogger<PresenceWriter> logger)
{
    /// <summary>The most changes in one group (bounds one transaction's length).</summary>
    public const int MaxGroup = 500;

    private readonly Lock gate = new();
    private List<Pending> waiting = [];
    private bool writing;

    /// <returns>True when this is the principal's first live connection on any instance.</returns>
    public Task<bool> ConnectedAsync(Guid principalId, string connectionId) => Enqueue(new PresenceChange(principalId, connectionId, Connected: true));

    /// <returns>True when the principal has no live connection left on any instance.</returns>
    public Task<bool> DisconnectedAsync(Guid principalId, string connectionId) => Enqueue(new PresenceChange(principalId, connectionId, Connected: false));

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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence: a group of {Count} changes failed; writing them one by one")]
    private partial void LogGroupFailed(Exception exception, int count);
}
