using StackExchange.Redis;

namespace InterviewRoom.Server.ScaleOut;

/// <summary>
/// Whether this instance reaches Redis (one multiplexer per hub), from StackExchange.Redis's own connection
/// events plus a check every second, since a first connection made late raises no event. When every link is back
/// after an outage, <see cref="Restored"/> fires once: messages between instances were lost meanwhile, so the
/// hubs drop their connections and every client reconnects and re-reads its state.
/// </summary>
internal sealed partial class BackplaneState : IDisposable
{
    private readonly List<IConnectionMultiplexer> multiplexers = [];
    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly ILogger<BackplaneState> logger;
    private readonly ITimer timer;
    private DateTimeOffset? downSince;

    public BackplaneState(TimeProvider time, ILogger<BackplaneState> logger)
    {
        this.time = time;
        this.logger = logger;
        timer = time.CreateTimer(_ => Check(null), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1));
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
        }

        multiplexer.ConnectionFailed += (_, e) => Check(e.FailureType.ToString());
        multiplexer.ConnectionRestored += (_, _) => Check(null);
        Check(multiplexer.IsConnected ? null : "not reachable at start");
    }

    /// <summary>A publish failed: the link is down even if the multiplexer has not said so yet.</summary>
    public void PublishFailed(Exception exception) => Check(exception.GetType().Name, forceDown: true);

    public void Dispose() => timer.Dispose();

    private void Check(string? reason, bool forceDown = false)
    {
        TimeSpan? outage = null;
        lock (gate)
        {
            var down = forceDown || multiplexers.Any(m => !m.IsConnected);
            if (down && downSince is null)
            {
                downSince = time.GetUtcNow();
                LogDown(reason ?? "disconnected");
            }
            else if (!down && downSince is { } since)
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
