using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// f. Idle memory per connection: N connections (default 10,000 = 5,000 rooms × 2 seats, at most 19,000 under the
/// machine's 20,000 open files) open and idle; (server VmRSS with them − VmRSS of the empty server) ÷ N.
/// </summary>
internal sealed class IdleScenario : IScenario
{
    public const int MaxConnections = 19_000;

    public string Name => "idle";

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var n = Math.Min(o.GetInt("idle-connections", 10_000, 200), MaxConnections) / 2 * 2;
        var limit = ProcStat.OpenFileLimit();
        if (n + 500 > limit)
        {
            n = (int)(limit - 500) / 2 * 2;
            result.Notes.Add($"the open-file limit is {limit}: N lowered to {n}.");
        }

        var settle = o.Seconds("idle-settle-seconds", 10, 1);
        await using var server = await context.ServerAsync(Name, result);
        var pid = server.Target.Process.Pid;
        await Task.Delay(TimeSpan.FromSeconds(1));
        var empty = ProcStat.RssKb(pid);
        var seats = await server.Target.CreateRoomsAsync(n / 2);
        var withRooms = ProcStat.RssKb(pid);
        var connections = seats.SelectMany(s => new[] { s.InterviewerToken, s.CandidateToken })
            .Select(token => Hubs.Create(server.Target.Process.BaseUri, HubNames.Path, token)).ToList();
        var connectTime = await Hubs.StartAllAsync(connections, 64);
        await Task.Delay(settle);
        var open = connections.Count(c => c.State == HubConnectionState.Connected);
        var idle = ProcStat.RssKb(pid);

        result.Add("connections", "idle connections open", open, "");
        result.Add("rss.empty", "server RSS, empty (after start)", empty / 1024.0, "MB");
        result.Add("rss.rooms", $"server RSS after creating {n / 2} rooms", withRooms / 1024.0, "MB");
        result.Add("rss.idle", $"server RSS with {open} idle connections ({settle.TotalSeconds:F0} s after)", idle / 1024.0, "MB");
        result.Add("perConnection", "idle memory per connection ((idle − empty) ÷ N)", (idle - empty) / (double)Math.Max(1, open), "KB");
        result.Add("perConnection.hub", "… of which the connections alone ((idle − with rooms) ÷ N)", (idle - withRooms) / (double)Math.Max(1, open), "KB");
        result.Add("connectRate", "connections opened per second", open / connectTime.TotalSeconds, "/s");
        if (o.Quick)
        {
            result.Notes.Add("--quick shares one server between scenarios: 'empty' is the server as earlier scenarios left it.");
        }

        // Stop the server first: n clean closes would keep the product busy recording presence.
        if (!o.Quick)
        {
            await server.Target.Process.StopAsync(TimeSpan.FromSeconds(5));
        }

        await Hubs.DisposeAllAsync(connections);
    }
}
