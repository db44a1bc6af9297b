using System.Threading.Channels;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>Collects pushed events so a test can await the next one, with a timeout instead of a sleep.</summary>
public sealed class Recorder<T>
{
    private readonly Channel<T> channel = Channel.CreateUnbounded<T>();
    private readonly List<T> all = [];

    public IReadOnlyList<T> All
    {
        get
        {
            lock (all)
            {
                return [.. all];
            }
        }
    }

    public void Add(T item)
    {
        lock (all)
        {
            all.Add(item);
        }

        channel.Writer.TryWrite(item);
    }

    public async Task<T> NextAsync(TimeSpan? timeout = null)
    {
        using var cancel = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(15));
        try
        {
            return await channel.Reader.ReadAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"No {typeof(T).Name} arrived within {(timeout ?? TimeSpan.FromSeconds(15)).TotalSeconds} s.");
        }
    }

    /// <summary>The next event that matches, skipping others.</summary>
    public async Task<T> NextAsync(Func<T, bool> match, TimeSpan? timeout = null)
    {
        var until = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var item = await NextAsync(until - DateTime.UtcNow);
            if (match(item))
            {
                return item;
            }
        }
    }
}

public static class Eventually
{
    /// <summary>Waits for a condition the server reaches on its own (e.g. a deadline passing with nobody connected).</summary>
    public static async Task TrueAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var until = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out after {timeout.TotalSeconds} s waiting for: {what}");
            }

            await Task.Delay(50);
        }
    }
}
