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
        await Groups.AddToGroupAsync(Context.ConnectionId, RoomGroups.Seat(caller.ParticipantId), Context.ConnectionAborted);
        // Not cancelled with the connection: once the row is being written the handler runs to its end, so that
        // SignalR runs the disconnect handler, which takes the row away again.
        if (await presence.ConnectedAsync(caller.ParticipantId, Context.ConnectionId))
        {
            await interview.AnnouncePresenceAsync(caller, online: true, Context.ConnectionAborted);
        }
    }

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
