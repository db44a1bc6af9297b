using InterviewRoom.Data;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Keeps this instance's presence rows counting (a heartbeat every few seconds), clears those of instances that
/// died without closing their connections, telling each room that those people left, and has the writer remove
/// rows of this instance's own connections that closed without their disconnect (<see cref="PresenceWriter.SweepClosedAsync"/>).
/// </summary>
internal sealed partial class PresenceHeartbeat(
    IServiceScopeFactory scopes, Presence presence, PresenceWriter writer, TimeProvider time, ILogger<PresenceHeartbeat> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Presence.HeartbeatInterval, time);
        try
        {
            do
            {
                try
                {
                    await BeatAndSweepAsync(stoppingToken);
                }
                catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
                {
                    LogFailed(exception);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    public async Task BeatAndSweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();
        await presence.BeatAsync(db, cancellationToken);
        await writer.SweepClosedAsync();
        var gone = await presence.SweepDeadAsync(db, cancellationToken);
        if (gone.Count == 0)
        {
            return;
        }

        LogSwept(gone.Count);
        var notifier = scope.ServiceProvider.GetRequiredService<RoomNotifier>();
        foreach (var seat in await db.Participants.AsNoTracking().Where(p => gone.Contains(p.Id)).ToListAsync(cancellationToken))
        {
            await notifier.ParticipantLeft(seat.RoomId, Presence.ViewOf(seat, online: false));
        }

        foreach (var hook in scope.ServiceProvider.GetServices<IRoomChangeHook>())
        {
            await hook.PeopleWentOffline(gone);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        try
        {
            // A clean stop takes this instance's rows with it; a kill leaves them for the others to sweep.
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();
            await db.LiveConnections.Where(c => c.InstanceId == presence.InstanceId).ExecuteDeleteAsync(cancellationToken);
            await db.ServerInstances.Where(i => i.Id == presence.InstanceId).ExecuteDeleteAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Presence: {Count} people were connected only to instances that stopped; marked offline")]
    private partial void LogSwept(int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Presence heartbeat failed; retrying at the next beat")]
    private partial void LogFailed(Exception exception);
}
