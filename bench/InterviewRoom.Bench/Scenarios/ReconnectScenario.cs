using System.Diagnostics;
using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// g. N clients connected, the server killed (SIGKILL, a crash) and started again on the same port and database;
/// the figure is the time from the kill until every client is reconnected and its <c>GetState</c> answered. The
/// clients retry every 250-500 ms (not the typed client's 0/1/2/5/10 s), so the figure is the server's, not the
/// back-off's. On the baseline the memory is gone after the restart: it shows plain reconnection only.
/// </summary>
internal sealed class ReconnectScenario : IScenario
{
    public string Name => "reconnect";

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var n = Math.Min(o.GetInt("reconnect-clients", 2000, 50), IdleScenario.MaxConnections) / 2 * 2;
        var limit = o.Seconds("reconnect-timeout", 120, 40);
        await using var server = await context.ServerAsync(Name, result);
        var target = server.Target;

        // Rooms with some history, so GetState has turns to return: one cycle in up to 100 of them.
        var pairs = (await target.CreateRoomsAsync(n / 2)).Select((s, i) => new RoomPair(i, s, target.Process.BaseUri)).ToList();
        await target.SaveBankAsync(context.Env);
        var busy = pairs.Take(100).ToList();
        await Hubs.StartAllAsync(busy.SelectMany(p => new[] { p.Interviewer, p.Candidate }), 32);
        await RateRunner.RunAsync(busy, QuestionSet.Of(target), target.Process.Pid, 50, null, busy.Count, context.StepTimeout, TimeSpan.FromSeconds(20));
        await Fixture.CloseAsync(pairs);

        var back = new long[n];
        var remaining = n;
        var allBack = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gaveUp = 0;
        var clients = pairs.SelectMany(p => new[] { p.Seats.InterviewerToken, p.Seats.CandidateToken })
            .Select((token, i) => (Index: i, Connection: Hubs.Create(target.Process.BaseUri, HubNames.Path, token, new FastRetry(limit)))).ToList();
        foreach (var (index, connection) in clients)
        {
            connection.Reconnected += async _ =>
            {
                for (var attempt = 0; attempt < 20; attempt++)
                {
                    try
                    {
                        await connection.InvokeAsync<StateLite>(HubNames.Methods.GetState);
                        back[index] = Stopwatch.GetTimestamp();
                        if (Interlocked.Decrement(ref remaining) == 0)
                        {
                            allBack.TrySetResult();
                        }

                        return;
                    }
                    catch (Exception exception) when (exception is HubException or InvalidOperationException or IOException or OperationCanceledException)
                    {
                        await Task.Delay(250);
                    }
                }
            };
            connection.Closed += _ =>
            {
                Interlocked.Increment(ref gaveUp);
                return Task.CompletedTask;
            };
        }

        await Hubs.StartAllAsync(clients.Select(c => c.Connection), 64);
        var kill = Stopwatch.GetTimestamp();
        long restarted = 0;
        var ready = await target.CrashAndRestartAsync(() =>
        {
            restarted = Stopwatch.GetTimestamp();
            return Task.CompletedTask;
        });
        var complete = await Task.WhenAny(allBack.Task, Task.Delay(limit)) == allBack.Task;

        var times = back.Where(b => b != 0).Select(b => Stopwatch.GetElapsedTime(kill, b).TotalMilliseconds).ToList();
        result.Add("clients", "clients connected before the crash", n, "");
        result.Add("ready", "kill → server ready again (/health/ready)", Stopwatch.GetElapsedTime(kill, restarted).TotalMilliseconds + ready.TotalMilliseconds, "ms");
        if (times.Count > 0)
        {
            var p = Percentiles.From(times);
            result.Add("first", "kill → first client back with GetState", times.Min(), "ms");
            result.Add("p50", "kill → client back with GetState, p50", p.P50, "ms");
            result.Add("p95", "kill → client back with GetState, p95", p.P95, "ms");
            result.Add("all", $"kill → all {n} back with GetState", complete ? p.Max : null, "ms");
            result.Add("afterReady", "server ready → all back", complete ? p.Max - Stopwatch.GetElapsedTime(kill, restarted).TotalMilliseconds - ready.TotalMilliseconds : null, "ms");
        }

        result.Add("back", "clients back with their state", times.Count, "");
        result.Add("gaveUp", "clients that gave up reconnecting", Volatile.Read(ref gaveUp), "");
        if (!complete)
        {
            result.Notes.Add($"only {times.Count} of {n} clients were back within {limit.TotalSeconds:F0} s.");
        }

        await Hubs.DisposeAllAsync(clients.Select(c => c.Connection));
    }
}
