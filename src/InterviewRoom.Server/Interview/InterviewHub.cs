using InterviewRoom.Contracts.Interview;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Scoring;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// <c>/hubs/interview</c>. Thin: who is calling comes from the room token; the services check, commit and push.
/// Errors a user can cause reach the caller as a <see cref="HubException"/> via <see cref="InterviewHubFilter"/>.
/// </summary>
[Authorize(AuthenticationSchemes = RoomTokenAuthentication.Scheme, Policy = RoomTokenAuthentication.SeatPolicy)]
internal sealed class InterviewHub(
    InterviewService interview, ScoreService scores, RoleSwapService swaps, PresenceWriter presence)
    : Hub<IInterviewClient>
{
    private Caller Caller => Caller.From(Context.User!);

    public override async Task OnConnectedAsync()
    {
        var caller = Caller;
        var closed = Context.ConnectionAborted;
        try
        {
            await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Seat(caller.ParticipantId), closed);
        }
        catch (OperationCanceledException) when (closed.IsCancellationRequested)
        {
            return; // gone before anything was written
        }

        // From the row on, this handler does not fail: SignalR runs the disconnect handler (which takes the row away
        // and tells the room) only after a connect handler that returned. Should it fail anyway, the writer's sweep
        // takes the row once the connection has closed.
        if (!await presence.ConnectedAsync(caller.ParticipantId, Context.ConnectionId, closed, WentOffline(caller)))
        {
            return;
        }

        try
        {
            await interview.AnnouncePresenceAsync(caller, online: true, closed);
        }
        catch (Exception exception) when (closed.IsCancellationRequested || exception is RoomRuleException)
        {
            // Gone meanwhile, or the seat was removed: nothing to announce; the disconnect handler still runs.
        }
    }

    /// <summary>What the disconnect handler would tell the room, for the presence sweep (with services of its own).</summary>
    private static Func<IServiceProvider, Task> WentOffline(Caller caller) => services =>
        services.GetRequiredService<InterviewService>().AnnouncePresenceAsync(caller, online: false, CancellationToken.None);

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var caller = Caller;
        if (await presence.DisconnectedAsync(caller.ParticipantId, Context.ConnectionId))
        {
            await interview.AnnouncePresenceAsync(caller, online: false, CancellationToken.None);
        }
    }

    public Task<RoomState> GetState() => interview.GetStateAsync(Caller, Context.ConnectionAborted);

    public Task<TurnView> Ask(int questionId, int timeLimitSeconds) =>
        interview.AskAsync(Caller, questionId, timeLimitSeconds, Context.ConnectionAborted);

    public Task<TurnView> Acknowledge(Guid turnId) => interview.AcknowledgeAsync(Caller, turnId, Context.ConnectionAborted);

    public Task<SubmitResult> Submit(Guid turnId, string? answerText, string? clientRequestId) =>
        interview.SubmitAsync(Caller, turnId, answerText, clientRequestId, Context.ConnectionAborted);

    public Task<ScoreView> Score(Guid turnId, ScoreInput? score) =>
        scores.ScoreAsync(Caller, turnId, score, Context.ConnectionAborted);

    public Task<TurnView> Reveal(Guid turnId) => scores.RevealAsync(Caller, turnId, Context.ConnectionAborted);

    public Task<RolesSwappedEvent> SwapRoles() => swaps.SwapAsync(Caller, Context.ConnectionAborted);

    public Task End() => interview.EndAsync(Caller, Context.ConnectionAborted);
}
