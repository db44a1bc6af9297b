using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;

namespace InterviewRoom.Server.ScaleOut;

/// <summary>
/// SignalR's Redis backplane, kept useful while Redis is down. Every connection and group is registered with
/// both the Redis manager and the in-memory one. A send goes through Redis (which reaches every instance,
/// this one included); when Redis refuses it, the in-memory manager delivers it to this instance's own
/// connections instead. When Redis comes back, this instance's connections are dropped: their clients
/// reconnect (with new Redis subscriptions) and re-read the state they may have missed.
/// </summary>
internal sealed partial class ResilientHubLifetimeManager<THub> : HubLifetimeManager<THub>, IDisposable
    where THub : Hub
{
    private readonly RedisHubLifetimeManager<THub> redis;
    private readonly DefaultHubLifetimeManager<THub> local;
    private readonly BackplaneState state;
    private readonly ILogger<ResilientHubLifetimeManager<THub>> logger;
    // This instance's connections; true for those the Redis manager has registered (not those made during an outage).
    private readonly ConcurrentDictionary<string, HubConnectionContext> connections = new();
    private readonly ConcurrentDictionary<string, bool> knownToRedis = new();

    public ResilientHubLifetimeManager(
        RedisHubLifetimeManager<THub> redis, DefaultHubLifetimeManager<THub> local, BackplaneState state,
        ILogger<ResilientHubLifetimeManager<THub>> logger)
    {
        this.redis = redis;
        this.local = local;
        this.state = state;
        this.logger = logger;
        state.Restored += DropConnections;
    }

    public override async Task OnConnectedAsync(HubConnectionContext connection)
    {
        connections[connection.ConnectionId] = connection;
        await local.OnConnectedAsync(connection);
        await OrLocallyAsync(
            async () =>
            {
                await redis.OnConnectedAsync(connection);
                knownToRedis[connection.ConnectionId] = true;
            },
            () => Task.CompletedTask);
    }

    public override async Task OnDisconnectedAsync(HubConnectionContext connection)
    {
        connections.TryRemove(connection.ConnectionId, out _);
        await local.OnDisconnectedAsync(connection);
        if (knownToRedis.TryRemove(connection.ConnectionId, out _))
        {
            await OrLocallyAsync(() => redis.OnDisconnectedAsync(connection), () => Task.CompletedTask);
        }
    }

    public override async Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.AddToGroupAsync(connectionId, groupName, cancellationToken);
        if (RedisMayAct(connectionId))
        {
            await OrLocallyAsync(() => redis.AddToGroupAsync(connectionId, groupName, cancellationToken), () => Task.CompletedTask);
        }
    }

    public override async Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default)
    {
        await local.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
        if (RedisMayAct(connectionId))
        {
            await OrLocallyAsync(() => redis.RemoveFromGroupAsync(connectionId, groupName, cancellationToken), () => Task.CompletedTask);
        }
    }

    public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendAllAsync(methodName, args, cancellationToken),
            () => local.SendAllAsync(methodName, args, cancellationToken));

    public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken),
            () => local.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendConnectionAsync(connectionId, methodName, args, cancellationToken),
            () => local.SendConnectionAsync(connectionId, methodName, args, cancellationToken));

    public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken),
            () => local.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken));

    public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendGroupAsync(groupName, methodName, args, cancellationToken),
            () => local.SendGroupAsync(groupName, methodName, args, cancellationToken));

    public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken),
            () => local.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken));

    public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendGroupsAsync(groupNames, methodName, args, cancellationToken),
            () => local.SendGroupsAsync(groupNames, methodName, args, cancellationToken));

    public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendUserAsync(userId, methodName, args, cancellationToken),
            () => local.SendUserAsync(userId, methodName, args, cancellationToken));

    public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
        OrLocallyAsync(
            () => redis.SendUsersAsync(userIds, methodName, args, cancellationToken),
            () => local.SendUsersAsync(userIds, methodName, args, cancellationToken));

    // Client results are not used by this app; they need the backplane to route the answer.
    public override Task<T> InvokeConnectionAsync<T>(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken) =>
        redis.InvokeConnectionAsync<T>(connectionId, methodName, args, cancellationToken);

    public override Task SetConnectionResultAsync(string connectionId, CompletionMessage result) =>
        redis.SetConnectionResultAsync(connectionId, result);

    public override bool TryGetReturnType(string invocationId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? type) =>
        redis.TryGetReturnType(invocationId, out type);

    public void Dispose() => state.Restored -= DropConnections;

    /// <summary>A connection of another instance (Redis routes it), or one of ours that Redis has registered.</summary>
    private bool RedisMayAct(string connectionId) =>
        !connections.ContainsKey(connectionId) || knownToRedis.ContainsKey(connectionId);

    private async Task OrLocallyAsync(Func<Task> throughRedis, Func<Task> locally)
    {
        if (!state.IsDown)
        {
            try
            {
                await throughRedis();
                return;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                state.PublishFailed(exception);
                LogRedisFailed(exception.GetType().Name);
            }
        }

        await locally();
    }

    private void DropConnections()
    {
        var dropped = 0;
        foreach (var connection in connections.Values)
        {
            // Not HubConnectionContext.Abort(): that tells the client not to reconnect. Closing the transport
            // makes a client with automatic reconnect come straight back.
            if (connection.Features.Get<IConnectionLifetimeNotificationFeature>() is { } lifetime)
            {
                lifetime.RequestClose();
            }
            else
            {
                connection.Abort();
            }

            dropped++;
        }

        LogDropped(typeof(THub).Name, dropped);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Redis refused a backplane operation ({Error}); delivering on this instance only")]
    private partial void LogRedisFailed(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "{Hub}: dropped {Count} connections so their clients reconnect and resync after the Redis outage")]
    private partial void LogDropped(string hub, int count);
}
