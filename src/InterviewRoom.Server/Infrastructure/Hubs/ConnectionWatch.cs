using System.Collections.Concurrent;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// Closes hub connections that have sent nothing the server could read for the client timeout. SignalR starts its
/// own client timeout only at the first message after the handshake, so a client that completes the handshake and
/// never pings was never timed out, and kept its seat online; nor does it time out a connection stuck behind a frame
/// it skipped (issue 13, finding 7). One sweep a second over this instance's connections, no timer per connection.
/// </summary>
internal sealed partial class ConnectionWatch(
    IOptions<HubOptions> hubOptions, SeatBudgets budgets, TimeProvider time, ILogger<ConnectionWatch> logger) : BackgroundService
{
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<ConnectionGuard, byte> live = new();
    private readonly LogQuota silentLog = new(time);
    private readonly LogQuota unreadableLog = new(time);

    public TimeSpan ClientTimeout => hubOptions.Value.ClientTimeoutInterval ?? TimeSpan.FromSeconds(30);

    public void Add(ConnectionGuard guard) => live.TryAdd(guard, 0);

    /// <summary>The connection ended; one log line per interval for those that ended on unreadable frames.</summary>
    public void Remove(ConnectionGuard guard)
    {
        live.TryRemove(guard, out _);
        if (guard.Unreadable > 0 && unreadableLog.TryWrite(out var heldBack))
        {
            LogUnreadable(guard.Connection.ConnectionId, guard.Seat, guard.Unreadable, heldBack);
        }
    }

    /// <summary>Closes every connection silent for longer than the client timeout; returns how many.</summary>
    public int Sweep()
    {
        var timeout = ClientTimeout;
        var closed = 0;
        foreach (var guard in live.Keys)
        {
            if (guard.Silence > timeout && live.TryRemove(guard, out _))
            {
                if (silentLog.TryWrite(out var heldBack))
                {
                    LogSilent(guard.Connection.ConnectionId, guard.Seat, timeout.TotalSeconds, heldBack);
                }

                guard.Connection.Abort(new ConnectionAbortedException($"Nothing readable received for {timeout.TotalSeconds:0} s."));
                closed++;
            }
        }

        budgets.Prune();
        return closed;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(SweepEvery, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                Sweep();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} of seat {ParticipantId} closed: nothing readable received for {TimeoutSeconds} s ({HeldBack} more closed for this since the last line)")]
    private partial void LogSilent(string connectionId, Guid? participantId, double timeoutSeconds, int heldBack);

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub connection {ConnectionId} of seat {ParticipantId} ended; it sent {Unreadable} frames the server could not read ({HeldBack} more such connections since the last line)")]
    private partial void LogUnreadable(string connectionId, Guid? participantId, int unreadable, int heldBack);
}
