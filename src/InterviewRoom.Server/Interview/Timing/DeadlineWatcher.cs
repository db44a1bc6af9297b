using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
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
                sleep = await FireDueAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogFailed(exception);
                sleep = TimeSpan.FromSeconds(1);
            }

            try
            {
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
        var notifier = scope.ServiceProvider.GetRequiredService<RoomNotifier>();

        var now = time.GetUtcNow().UtcDateTime;
        var due = await Open(db.Turns).Where(t => t.Deadline <= now)
            .OrderBy(t => t.Deadline).Select(t => t.Id).Take(100)
            .ToListAsync(cancellationToken);

        foreach (var turnId in due)
        {
            var closed = await Open(db.Turns).Where(t => t.Id == turnId)
                .ExecuteUpdateAsync(set => set.SetProperty(t => t.TimeUpAt, now), cancellationToken);
            if (closed == 1)
            {
                var turn = await TurnViews.LoadAsync(db, turnId, cancellationToken);
                LogTimeUp(turn.RoomId, turn.Id, (now - turn.Deadline).TotalMilliseconds);
                await notifier.TimeUp(turn);
            }
        }

        if (due.Count == 100)
        {
            return TimeSpan.Zero;
        }

        var next = await Open(db.Turns).MinAsync(t => (DateTime?)t.Deadline, cancellationToken);
        var untilNext = next is null ? MaxSleep : next.Value - time.GetUtcNow().UtcDateTime;
        return untilNext < TimeSpan.Zero ? TimeSpan.Zero : untilNext > MaxSleep ? MaxSleep : untilNext;
    }

    private static IQueryable<Turn> Open(IQueryable<Turn> turns) =>
        turns.Where(t => t.SubmittedAt == null && t.TimeUpAt == null && t.ClosedAt == null);

    [LoggerMessage(Level = LogLevel.Information, Message = "Time up for turn {TurnId} in room {RoomId}, {LagMs:F0} ms after the deadline")]
    private partial void LogTimeUp(Guid roomId, Guid turnId, double lagMs);

    [LoggerMessage(Level = LogLevel.Error, Message = "Deadline check failed; retrying in a second")]
    private partial void LogFailed(Exception exception);
}
