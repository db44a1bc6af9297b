using System.Diagnostics;
using InterviewRoom.Bench.Infrastructure;

namespace InterviewRoom.Bench.Load;

/// <summary>What one paced run did: offered and achieved rates, latencies, failures, and both processes' CPU.</summary>
internal sealed record RunOutcome(
    double OfferedPerSecond, int Started, int NotStarted, int Unfinished, TimeSpan Window, TimeSpan Wall,
    StepStats Stats, double ServerCpuMs, double GeneratorCpuMs)
{
    /// <summary>Cycles that completed without an error, per second of the whole run (offering plus drain).</summary>
    public double AchievedPerSecond => Stats.Completed / Wall.TotalSeconds;

    public double ServerCpuPercent => 100 * ServerCpuMs / Wall.TotalMilliseconds;

    public double GeneratorCpuPercent => 100 * GeneratorCpuMs / Wall.TotalMilliseconds;
}

/// <summary>
/// Offers cycles at a fixed rate (open loop: the schedule does not wait for answers), each to the next free room
/// in round-robin order, so with R rooms and rate r each room asks every R/r seconds. A cycle offered when no room
/// is free within a short scan is counted as not started (the server is behind). Bounded by a time window or a
/// cycle count, then a bounded drain; whatever is still running after the drain is cancelled and counted.
/// </summary>
internal static class RateRunner
{
    public static async Task<RunOutcome> RunAsync(
        IReadOnlyList<RoomPair> rooms, QuestionSet questions, int serverPid,
        double perSecond, TimeSpan? window, int? maxCycles, TimeSpan stepTimeout, TimeSpan drain)
    {
        var stats = new StepStats();
        var running = new List<Task>();
        using var stop = new CancellationTokenSource();
        var serverCpu = ProcStat.CpuMs(serverPid);
        var generatorCpu = ProcStat.SelfCpuMs();
        var clock = Stopwatch.StartNew();
        int started = 0, notStarted = 0, offered = 0, cursor = 0;
        var scan = Math.Min(rooms.Count, 64);

        while ((window is null || clock.Elapsed < window) && (maxCycles is null || offered < maxCycles))
        {
            var due = (int)(clock.Elapsed.TotalSeconds * perSecond) + 1;
            while (offered < due && (maxCycles is null || offered < maxCycles))
            {
                offered++;
                RoomPair? free = null;
                for (var i = 0; i < scan && free is null; i++)
                {
                    var room = rooms[cursor];
                    cursor = (cursor + 1) % rooms.Count;
                    if (room.Cycles < questions.Ids.Count && room.TryClaim())
                    {
                        free = room;
                    }
                }

                if (free is null)
                {
                    notStarted++;
                    continue;
                }

                started++;
                running.Add(RunOneAsync(free, questions, stats, stepTimeout, stop.Token));
            }

            running.RemoveAll(t => t.IsCompleted);
            var next = TimeSpan.FromSeconds(due / perSecond) - clock.Elapsed;
            await Task.Delay(next > TimeSpan.FromMilliseconds(1) ? next : TimeSpan.FromMilliseconds(1));
        }

        var offering = clock.Elapsed;
        var all = Task.WhenAll(running);
        if (await Task.WhenAny(all, Task.Delay(drain)) != all)
        {
            await stop.CancelAsync();
            await all;
        }

        return new RunOutcome(perSecond, started, notStarted, stats.Cancelled, offering, clock.Elapsed, stats,
            ProcStat.CpuMs(serverPid) - serverCpu, ProcStat.SelfCpuMs() - generatorCpu);
    }

    private static async Task RunOneAsync(RoomPair room, QuestionSet questions, StepStats stats, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            await room.RunCycleAsync(questions, stats, timeout, cancellationToken);
        }
        finally
        {
            room.Release();
        }
    }
}
