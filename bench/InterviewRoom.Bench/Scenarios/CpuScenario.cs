using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// a. Server CPU per full interview cycle: a fixed number of cycles (100 rooms × 6) at a moderate rate (10/s, well
/// below the product's knee; the same rate for both servers, since per-cycle cost falls as a server batches more)
/// after a warm-up and a 5 s settle (the runtime's background JIT); (utime + stime of the server process after −
/// before) ÷ cycles completed. Then 5 s idle with the rooms still connected: what the server spends on its own.
/// </summary>
internal sealed class CpuScenario : IScenario
{
    public string Name => "cpu";

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var roomCount = o.GetInt("cpu-rooms", 100, 10);
        var cyclesPerRoom = o.GetInt("cpu-cycles", 6, 3);
        var rate = o.Get("cpu-rate", 10, 10);
        await using var server = await context.ServerAsync(Name, result);
        var rooms = await Fixture.OpenRoomsAsync(server.Target, roomCount, result);
        await server.Target.SaveBankAsync(context.Env);
        var questions = QuestionSet.Of(server.Target);
        var pid = server.Target.Process.Pid;

        await Fixture.WarmUpAsync(rooms, questions, server.Target, context.StepTimeout, result, o.Quick);
        await Task.Delay(o.Seconds("cpu-settle-seconds", 5, 1)); // background JIT after the warm-up ends here, unmeasured
        var run = await RateRunner.RunAsync(rooms, questions, pid, rate, null, roomCount * cyclesPerRoom, context.StepTimeout, TimeSpan.FromSeconds(30));
        await Task.Delay(TimeSpan.FromSeconds(1));
        var idleBefore = Infrastructure.ProcStat.CpuMs(pid);
        var idle = o.Seconds("cpu-idle-seconds", 5, 1);
        await Task.Delay(idle);
        var idleCpuPercent = 100 * (Infrastructure.ProcStat.CpuMs(pid) - idleBefore) / idle.TotalMilliseconds;

        result.Add("cycles", $"cycles measured ({roomCount} rooms × {cyclesPerRoom} at {rate:F0}/s)", run.Stats.Completed, "");
        result.Add("serverCpuPerCycle", "server CPU per cycle", run.ServerCpuMs / Math.Max(1, run.Stats.Completed), "ms");
        result.Add("serverCpuTotal", "server CPU time, total", run.ServerCpuMs, "ms");
        result.Add("serverCpu", "server CPU (of its one core)", run.ServerCpuPercent, "%");
        result.Add("serverIdleCpu", $"server CPU with the same rooms connected but idle ({idle.TotalSeconds:F0} s after the run: timers, heartbeats, pings)", idleCpuPercent, "%");
        result.Add("generatorCpuPerCycle", "load generator CPU per cycle", run.GeneratorCpuMs / Math.Max(1, run.Stats.Completed), "ms");
        result.Add("wall", "wall time", run.Wall.TotalSeconds, "s");
        result.Add("serverRss", "server RSS after the run", Infrastructure.ProcStat.RssKb(server.Target.Process.Pid) / 1024.0, "MB");
        result.AddSteps(run.Stats);
        await Fixture.CloseAsync(rooms);
    }
}
