using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Interview.State;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview.Timing;

/// <summary>
/// Fires <c>TimeUp</c> for every open turn whose stored deadline has passed, whether or not anyone is
/// connected, and after a restart for deadlines that passed while the server was down. Each turn is closed by
/// one conditional update, so the event fires once even if a submit races it (or, later, another instance).
/// </summary>
internal sealed partial class DeadlineWatcher(
    IServiceScopeFactory scopes, TimeProvider time, DeadlineSignal signal, ILogger<DeadlineWatcher> logger)
    : BackgroundService
{
    /// <summary>The longest sleep: it bounds how late a deadline set elsewhere (another instance) is seen.</summary>
    public static readonly TimeSpan MaxSleep = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan sleep;
            try
            {
                signal.Planned = DateTime.MaxValue; // awake: any new deadline may be before what this pass will plan
                sleep = await FireDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
                sleep = TimeSpan.FromSeconds(1);
            }

            try
            {
                signal.Planned = time.GetUtcNow().UtcDateTime + sleep;
                await signal.WaitAsync(sleep, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
        }
    }

    /// <summary>Fires what is due now; returns how long to sleep until the next deadline.</summary>
    public async Task<TimeSpan> FireDueAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InterviewRoomDb>();
        var rooms = scope.ServiceProvider.GetRequiredService<RoomStore>();
        var notifier = scope.ServiceProvider.GetRequiredService<RoomNotifier>();

        var now = time.GetUtcNow().UtcDateTime;
        var due = await db.Turns.Where(TurnClock.Open).Where(t => t.Deadline <= now)
            .OrderBy(t => t.Deadline).Select(t => new { t.Id, t.RoomId }).Take(100)
            .ToListAsync(cancellationToken);

        foreach (var turn in due)
        {
            // Through the room's writer, like every other change: exactly once, whichever instance gets there first.
            await rooms.RunAsync(db, turn.RoomId, async lease =>
            {
                var open = lease.State.Turns.FirstOrDefault(t => t.Id == turn.Id);
                if (open is null || !TurnClock.IsOpen(open) || open.Deadline > now)
                {
                    return false;
                }

                await lease.CommitAsync(async ct => 1 == await RoomSql.UpdateAsync<Turn>(
                    db, [(nameof(Turn.TimeUpAt), now)], [(nameof(Turn.Id), turn.Id), .. TurnClock.OpenColumns], ct), roomWidePush: true, cancellationToken);
                open.TimeUpAt = now;
                LogTimeUp(open.RoomId, open.Id, (now - open.Deadline).TotalMilliseconds);
                await notifier.TimeUp(lease.State, open);
                return true;
            }, cancellationToken);
        }

        if (due.Count == 100)
        {
            return TimeSpan.Zero;
        }

        var next = await db.Turns.Where(TurnClock.Open).MinAsync(t => (DateTime?)t.Deadline, cancellationToken);
        var untilNext = next is null ? MaxSleep : next.Value - time.GetUtcNow().UtcDateTime;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext > MaxSleep ? MaxSleep : untilNext;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Time up for turn {TurnId} in room {RoomId}, {LagMs:F0} ms after the deadline")]
    private partial void LogTimeUp(Guid roomId, Guid turnId, double lagMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline check failed; retrying in a second")]
    private partial void LogFailed(Exception exception);
}
