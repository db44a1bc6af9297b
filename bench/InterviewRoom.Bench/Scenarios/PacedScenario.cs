using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// b. <c>latency</c>: 100 rooms, 10 cycles/s in all (each room every 10 s), for 40 s.
/// c. <c>rooms1000</c>: 1,000 rooms, each asking every 10 s (100 cycles/s offered), for 60 s.
/// Both pace full cycles and report per-step percentiles, failures and the achieved rate; a saturated server shows
/// as timeouts, cycles not started and cycles cancelled at the end, never as a hang.
/// </summary>
internal sealed class PacedScenario(string name, string sizes, int fullRooms, int quickRooms, double fullRate, double quickRate, double fullSeconds, double quickSeconds) : IScenario
{
    public string Name => name;

    public static PacedScenario Latency() => new("latency", "latency", 100, 10, 10, 5, 40, 2);

    public static PacedScenario Rooms1000() => new("rooms1000", "rooms1000", 1000, 50, 100, 10, 60, 2);

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var roomCount = o.GetInt($"{sizes}-rooms", fullRooms, quickRooms);
        var rate = o.Get($"{sizes}-rate", fullRate, quickRate);
        var window = o.Seconds($"{sizes}-seconds", fullSeconds, quickSeconds);
        await using var server = await context.ServerAsync(Name, result);
        var rooms = await Fixture.OpenRoomsAsync(server.Target, roomCount, result);
        await server.Target.SaveBankAsync(context.Env);
        var questions = QuestionSet.Of(server.Target);
        await Fixture.WarmUpAsync(rooms, questions, server.Target, context.StepTimeout, result, o.Quick);
        if (name == "latency")
        {
            await PayloadProbe.MeasureAsync(server.Target, questions, result);
        }

        var run = await RateRunner.RunAsync(rooms, questions, server.Target.Process.Pid, rate, window, null, context.StepTimeout, o.Seconds("drain", 15, 3));
        result.Add("rooms", "rooms (2 connections each)", roomCount, "");
        result.Add("window", "offering window", window.TotalSeconds, "s");
        result.AddRun(run);
        if (run.Stats.Timeouts + run.NotStarted + run.Unfinished > 0)
        {
            result.Notes.Add($"saturated: {run.AchievedPerSecond:F1} cycles/s achieved of {rate:F0} offered; {run.Stats.Timeouts} steps timed out " +
                $"(> {context.StepTimeout.TotalSeconds:F0} s), {run.NotStarted} cycles not started, {run.Unfinished} cancelled at the end.");
        }

        await Fixture.CloseAsync(rooms);
    }
}
