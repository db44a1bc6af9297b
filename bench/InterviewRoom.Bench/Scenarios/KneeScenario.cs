using System.Globalization;
using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// d. The knee: the offered cycle rate goes up a ladder, one bounded step at a time, until a step breaks: any
/// timed step's p99 over the limit (100 ms), any error or timeout, a cycle that could not start or finish, or
/// less than 90% of the offered rate achieved. The figure is the highest rate that held. A step lasts long
/// enough for about 300 cycles, between 4 and 10 s (<c>--knee-step-seconds</c> sets the upper bound).
/// </summary>
internal sealed class KneeScenario : IScenario
{
    private static readonly double[] FullLadder = [5, 10, 15, 20, 25, 30, 40, 50, 75, 100, 150, 200, 300, 400, 500, 600, 800, 1000, 1500, 2000, 3000];
    private static readonly double[] QuickLadder = [10, 20];

    public string Name => "knee";

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var roomCount = o.GetInt("knee-rooms", 500, 20);
        var longest = o.Seconds("knee-step-seconds", 10, 1.5);
        var limitMs = o.Get("knee-p99-ms", 100, 100);
        var ladder = o.Overrides.TryGetValue("knee-ladder", out var text)
            ? [.. text.Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture))]
            : o.Quick ? QuickLadder : FullLadder;
        await using var server = await context.ServerAsync(Name, result);
        var rooms = await Fixture.OpenRoomsAsync(server.Target, roomCount, result);
        await server.Target.SaveBankAsync(context.Env);
        var questions = QuestionSet.Of(server.Target);
        await Fixture.WarmUpAsync(rooms, questions, server.Target, context.StepTimeout, result, o.Quick);

        double? held = null;
        string? broke = null;
        var steps = new List<object>();
        foreach (var rate in ladder)
        {
            var stepLength = TimeSpan.FromSeconds(Math.Clamp(300 / rate, Math.Min(4, longest.TotalSeconds), longest.TotalSeconds));
            var run = await RateRunner.RunAsync(rooms, questions, server.Target.Process.Pid, rate, stepLength, null, context.StepTimeout, o.Seconds("drain", 15, 3));
            var worst = Steps.Timed.Select(s => (Step: s, P: run.Stats.Of(s))).Where(s => s.P is not null).MaxBy(s => s.P!.P99);
            var reasons = Reasons(run, worst.P?.P99, worst.Step, limitMs);
            steps.Add(new { rate, achieved = run.AchievedPerSecond, worstP99Ms = worst.P?.P99, worstStep = worst.Step, run.Stats.Errors, run.Stats.Timeouts, run.NotStarted, run.Unfinished, serverCpu = run.ServerCpuPercent, generatorCpu = run.GeneratorCpuPercent, reasons });
            result.Notes.Add($"step {rate:F0}/s: achieved {run.AchievedPerSecond:F1}/s, worst p99 {worst.P?.P99:F1} ms ({Steps.Label(worst.Step ?? "")}), " +
                $"errors {run.Stats.Errors}, timeouts {run.Stats.Timeouts}, not started {run.NotStarted}, server CPU {run.ServerCpuPercent:F0}%, " +
                $"generator CPU {run.GeneratorCpuPercent:F0}%{(reasons.Count > 0 ? $" → broke: {string.Join("; ", reasons)}" : " → held")}");
            if (reasons.Count > 0)
            {
                broke = $"{rate:F0}/s ({string.Join("; ", reasons)})";
                if (run.GeneratorCpuPercent > 85)
                {
                    result.Notes.Add($"at {rate:F0}/s the load generator's core was {run.GeneratorCpuPercent:F0}% busy and the server's {run.ServerCpuPercent:F0}%: " +
                        "this knee is (partly) the generator's; the server's own is at least the rate that held.");
                }

                break;
            }

            held = rate;
            await Task.Delay(TimeSpan.FromSeconds(1));
        }

        result.Add("held", $"highest offered rate that held (p99 ≤ {limitMs:F0} ms, no errors)", held, "cycles/s");
        result.Text("broke", "first rate that broke", broke ?? $"none up to {ladder[^1]:F0}/s (the top of the ladder)");
        result.Add("rooms", "rooms (2 connections each)", roomCount, "");
        result.Details["steps"] = steps;
        await Fixture.CloseAsync(rooms);
    }

    private static List<string> Reasons(RunOutcome run, double? worstP99, string? step, double limitMs)
    {
        var reasons = new List<string>();
        if (worstP99 > limitMs)
        {
            reasons.Add($"p99 {worstP99:F0} ms > {limitMs:F0} ms at {step}");
        }

        if (run.Stats.Errors > 0)
        {
            reasons.Add($"{run.Stats.Errors} errors");
        }

        if (run.Stats.Timeouts > 0)
        {
            reasons.Add($"{run.Stats.Timeouts} timeouts");
        }

        if (run.NotStarted + run.Unfinished > 0)
        {
            reasons.Add($"{run.NotStarted + run.Unfinished} cycles could not start or finish");
        }

        if (run.AchievedPerSecond < 0.9 * run.OfferedPerSecond)
        {
            reasons.Add($"achieved {run.AchievedPerSecond:F0}/s < 90% of offered");
        }

        return reasons;
    }
}
