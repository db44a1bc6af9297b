namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// One log line per <see cref="Interval"/> (per connection in the hub filter, per instance in the connection watch) for
/// what a flood repeats (refused and throttled calls, connections closed by the guard):
/// the caller still gets its answer every time, the log gets the first line and then a count of those held back,
/// so 100,000 hostile frames write a few lines, not 100,000.
/// </summary>
internal sealed class LogQuota(TimeProvider time)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(10);

    private readonly Lock gate = new();
    private long lastWritten;
    private bool written;
    private int heldBack;

    /// <returns>True when a line may be written now, with how many were held back since the last one.</returns>
    public bool TryWrite(out int heldBackSinceLast)
    {
        lock (gate)
        {
            if (written && time.GetElapsedTime(lastWritten) < Interval)
            {
                heldBack++;
                heldBackSinceLast = 0;
                return false;
            }

            (written, lastWritten, heldBackSinceLast, heldBack) = (true, time.GetTimestamp(), heldBack, 0);
            return true;
        }
    }
}
