namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// One connection's hub-call budget: a token bucket of <c>burst</c> calls refilled at <c>perSecond</c>, worked out
/// from the time that passed whenever a call asks for a token. No timer per connection (the framework's
/// TokenBucketRateLimiter with auto-replenishment keeps one for each, which costs every idle connection a wake-up a
/// second and its memory).
/// </summary>
internal sealed class CallBudget(int burst, int perSecond, TimeProvider time)
{
    private readonly Lock gate = new();
    private double tokens = burst;
    private long stamp = time.GetTimestamp();

    /// <summary>Whether the bucket has refilled completely (nothing spent is still owed).</summary>
    public bool IsFull
    {
        get
        {
            lock (gate)
            {
                Refill();
                return tokens >= burst;
            }
        }
    }

    /// <returns>True when the call may run (a token was taken); false when the budget is spent for now.</returns>
    public bool TryTake()
    {
        lock (gate)
        {
            Refill();
            if (tokens < 1)
            {
                return false;
            }

            tokens -= 1;
            return true;
        }
    }

    private void Refill()
    {
        var now = time.GetTimestamp();
        tokens = Math.Min(burst, tokens + (time.GetElapsedTime(stamp, now).TotalSeconds * perSecond));
        stamp = now;
    }
}
