namespace InterviewRoom.Server.Infrastructure;

/// <summary>Wakes a background loop early (new work to do), so it need not poll fast. Many wakes count as one.</summary>
internal abstract class WakeSignal
{
    private readonly SemaphoreSlim wake = new(0, 1);

    public void Wake()
    {
        try
        {
            wake.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already woken; once is enough.
        }
    }

    /// <summary>Returns after <paramref name="timeout"/> on <paramref name="time"/>'s clock, or at the next wake.</summary>
    public async Task WaitAsync(TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var delay = Task.Delay(timeout, time, stop.Token);
        var woken = wake.WaitAsync(stop.Token);
        await Task.WhenAny(delay, woken);
        await stop.CancelAsync();
        await Task.WhenAll(delay, woken).ContinueWith(_ => { }, TaskScheduler.Default);
        cancellationToken.ThrowIfCancellationRequested();
    }
}
