using StackExchange.Redis;

namespace InterviewRoom.Server.ScaleOut;

/// <summary>
/// Whether this instance reaches Redis. A multiplexer's own flags lag (an idle socket to a dead Redis still
/// looks connected), so the state comes from a PING over both of each multiplexer's connections (commands and
/// subscriptions) every second, and at once when StackExchange.Redis reports a failure or a failed publish.
/// When every link answers again after an outage, <see cref="Restored"/> fires once: messages between
/// instances were lost meanwhile, so the hubs drop their connections and every client reconnects and
/// re-reads its state.
/// </summary>
internal sealed partial class BackplaneState : IDisposable
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromSeconds(1);

    private readonly List<IConnectionMultiplexer> multiplexers = [];
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly ILogger<BackplaneState> logger;
    private readonly CancellationTokenSource stop = new();
    private readonly SemaphoreSlim probeNow = new(0, 1);
    private DateTimeOffset? downSince;
    private Task? probing;

    public BackplaneState(TimeProvider time, ILogger<BackplaneState> logger)
    {
        this.time = time;
        this.logger = logger;
    }

    public event Action? Restored;

    public bool IsDown
    {
        get
        {
            lock (gate)
            {
                return downSince is not null;
            }
        }
    }

    public void Watch(IConnectionMultiplexer multiplexer)
    {
        lock (gate)
        {
            multiplexers.Add(multiplexer);
            probing ??= Task.Run(ProbeLoopAsync);
        }

        multiplexer.ConnectionFailed += (_, e) => MarkDown(e.FailureType.ToString());
        if (!multiplexer.IsConnected)
        {
            MarkDown("not reachable at start");
        }
    }

    /// <summary>A publish or subscribe failed: treat the link as down until a probe says otherwise.</summary>
    public void PublishFailed(Exception exception) => MarkDown(exception.GetType().Name);

    public void Dispose()
    {
        stop.Cancel();
        stop.Dispose();
    }

    private void MarkDown(string reason)
    {
        lock (gate)
        {
            if (downSince is not null)
            {
                return;
            }

            downSince = time.GetUtcNow();
        }

        LogDown(reason);
        try
        {
            probeNow.Release();
        }
        catch (SemaphoreFullException)
        {
            // A probe is already due.
        }
    }

    private async Task ProbeLoopAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            try
            {
                await probeNow.WaitAsync(ProbeInterval, stop.Token);
                await ProbeAsync();
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                return;
            }
        }
    }

    private async Task ProbeAsync()
    {
        List<IConnectionMultiplexer> all;
        lock (gate)
        {
            all = [.. multiplexers];
        }

        bool reachable;
        try
        {
            await Task.WhenAll(all.Select(async m =>
            {
                await m.GetDatabase().PingAsync();
                await m.GetSubscriber().PingAsync();
            })).WaitAsync(TimeSpan.FromSeconds(2), time);
            reachable = true;
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException or ObjectDisposedException)
        {
            reachable = false;
            MarkDown(exception.GetType().Name);
        }

        TimeSpan? outage = null;
        lock (gate)
        {
            if (reachable && downSince is { } since)
            {
                downSince = null;
                outage = time.GetUtcNow() - since;
            }
        }

        if (outage is { } lasted)
        {
            LogRestored(lasted.TotalSeconds);
            Restored?.Invoke();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis backplane unreachable ({Reason}): serving this instance's own connections only")]
    private partial void LogDown(string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis backplane back after {OutageSeconds:F1} s: reconnecting this instance's clients so they resync")]
    private partial void LogRestored(double outageSeconds);
}
