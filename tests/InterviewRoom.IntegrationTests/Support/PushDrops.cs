using InterviewRoom.Server.Interview;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// Loses chosen pushes for real, the way a backplane outage does (ADR 12): the server's hub lifetime manager is
/// wrapped, and the next push of one event to one seat never leaves the server. Everything else passes through.
/// </summary>
public sealed class PushDrops
{
    private readonly Lock gate = new();
    private (string Method, string Group, TaskCompletionSource Dropped)? armed;

    /// <summary>Installs the wrapper (for <see cref="InterviewRoomFactory"/>'s services).</summary>
    public void Register(IServiceCollection services)
    {
        services.AddSingleton<DefaultHubLifetimeManager<InterviewHub>>();
        services.AddSingleton<HubLifetimeManager<InterviewHub>>(sp => new Dropping(sp.GetRequiredService<DefaultHubLifetimeManager<InterviewHub>>(), this));
    }

    /// <summary>The next <paramref name="method"/> push to the seat of <paramref name="participantId"/> is lost; the task completes when it was.</summary>
    public Task DropNext(string method, Guid participantId)
    {
        var dropped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate)
        {
            armed = (method, $"seat:{participantId:N}", dropped);
        }

        return dropped.Task;
    }

    private IReadOnlyList<string> Filter(string method, IReadOnlyList<string> groups)
    {
        lock (gate)
        {
            if (armed is not { } drop || drop.Method != method || !groups.Contains(drop.Group))
            {
                return groups;
            }

            armed = null;
            drop.Dropped.SetResult();
            return [.. groups.Where(g => g != drop.Group)];
        }
    }

    private sealed class Dropping(HubLifetimeManager<InterviewHub> inner, PushDrops drops) : HubLifetimeManager<InterviewHub>
    {
        public override Task SendGroupsAsync(IReadOnlyList<string> groupNames, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendGroupsAsync(drops.Filter(methodName, groupNames), methodName, args, cancellationToken);

        public override Task SendGroupAsync(string groupName, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            drops.Filter(methodName, [groupName]).Count == 0 ? Task.CompletedTask : inner.SendGroupAsync(groupName, methodName, args, cancellationToken);

        public override Task OnConnectedAsync(HubConnectionContext connection) => inner.OnConnectedAsync(connection);

        public override Task OnDisconnectedAsync(HubConnectionContext connection) => inner.OnDisconnectedAsync(connection);

        public override Task SendAllAsync(string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendAllAsync(methodName, args, cancellationToken);

        public override Task SendAllExceptAsync(string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
            inner.SendAllExceptAsync(methodName, args, excludedConnectionIds, cancellationToken);

        public override Task SendConnectionAsync(string connectionId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendConnectionAsync(connectionId, methodName, args, cancellationToken);

        public override Task SendConnectionsAsync(IReadOnlyList<string> connectionIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendConnectionsAsync(connectionIds, methodName, args, cancellationToken);

        public override Task SendGroupExceptAsync(string groupName, string methodName, object?[] args, IReadOnlyList<string> excludedConnectionIds, CancellationToken cancellationToken = default) =>
            inner.SendGroupExceptAsync(groupName, methodName, args, excludedConnectionIds, cancellationToken);

        public override Task SendUserAsync(string userId, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendUserAsync(userId, methodName, args, cancellationToken);

        public override Task SendUsersAsync(IReadOnlyList<string> userIds, string methodName, object?[] args, CancellationToken cancellationToken = default) =>
            inner.SendUsersAsync(userIds, methodName, args, cancellationToken);

        public override Task AddToGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
            inner.AddToGroupAsync(connectionId, groupName, cancellationToken);

        public override Task RemoveFromGroupAsync(string connectionId, string groupName, CancellationToken cancellationToken = default) =>
            inner.RemoveFromGroupAsync(connectionId, groupName, cancellationToken);
    }
}
