using InterviewRoom.Contracts.Matchmaking;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>
/// <c>/hubs/matchmaking</c>: no token needed, one queue ticket per connection. Closing the connection leaves
/// the queue. The pairing itself happens in <see cref="MatchmakingWorker"/>, which pushes <c>Paired</c>.
/// </summary>
[AllowAnonymous]
internal sealed class MatchmakingHub(QueueService queue) : Hub<IMatchmakingClient>
{
    public Task<QueueTicketView> JoinQueue(QueueRequest? request) =>
        queue.JoinAsync(Context.ConnectionId, request, Context.ConnectionAborted);

    public Task<bool> LeaveQueue() => queue.LeaveAsync(Context.ConnectionId, CancellationToken.None);

    public override Task OnDisconnectedAsync(Exception? exception) =>
        queue.LeaveAsync(Context.ConnectionId, CancellationToken.None);
}
