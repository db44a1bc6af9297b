using InterviewRoom.Bench.Load;

namespace InterviewRoom.Bench.Reporting;

/// <summary>One figure of a scenario for one server; <see cref="Value"/> is numeric when the figure is.</summary>
internal sealed record Metric(string Key, string Label, double? Value, string Unit, string? Text = null);

/// <summary>What one scenario measured on one server, with notes on anything that did not go to plan.</summary>
internal sealed class ScenarioResult(string scenario, string server)
{
    public string Scenario => scenario;

    public string Server => server;

    public List<Metric> Metrics { get; } = [];

    public List<string> Notes { get; } = [];

    public Dictionary<string, object> Details { get; } = [];

    public void Add(string key, string label, double? value, string unit) => Metrics.Add(new Metric(key, label, value, unit));

    public void Text(string key, string label, string text) => Metrics.Add(new Metric(key, label, null, "", text));

    /// <summary>p50/p95/p99/max of every timed step, then the errors and timeouts by step.</summary>
    public void AddSteps(StepStats stats, bool withCycle = true, string prefix = "")
    {
        foreach (var step in withCycle ? [.. Steps.Timed, Steps.Cycle] : Steps.Timed)
        {
            if (stats.Of(step) is { } p)
            {
                Add($"{prefix}{step}.p50", $"{prefix}{Steps.Label(step)} p50", p.P50, "ms");
                Add($"{prefix}{step}.p95", $"{prefix}{Steps.Label(step)} p95", p.P95, "ms");
                Add($"{prefix}{step}.p99", $"{prefix}{Steps.Label(step)} p99", p.P99, "ms");
                Add($"{prefix}{step}.max", $"{prefix}{Steps.Label(step)} max", p.Max, "ms");
            }
        }

        Add($"{prefix}errors", $"{prefix}errors (refused or failed calls)", stats.Errors, "");
        Add($"{prefix}timeouts", $"{prefix}steps timed out", stats.Timeouts, "");
        if (stats.Failures.Count > 0)
        {
            Details[$"{prefix}failures"] = stats.Failures;
            Notes.AddRange(stats.FirstErrors.Select(e => $"{prefix}first errors: {e}"));
        }
    }

    /// <summary>The usual figures of a paced run.</summary>
    public void AddRun(RunOutcome run, string prefix = "")
    {
        Add($"{prefix}offered", $"{prefix}offered cycles/s", run.OfferedPerSecond, "/s");
        Add($"{prefix}achieved", $"{prefix}achieved cycles/s (completed ÷ wall time)", run.AchievedPerSecond, "/s");
        Add($"{prefix}completed", $"{prefix}cycles completed", run.Stats.Completed, "");
        Add($"{prefix}notStarted", $"{prefix}cycles not started (no free room: server behind)", run.NotStarted, "");
        Add($"{prefix}unfinished", $"{prefix}cycles still running at the end (cancelled)", run.Unfinished, "");
        AddSteps(run.Stats, prefix: prefix);
        Add($"{prefix}serverCpu", $"{prefix}server CPU (of its one core)", run.ServerCpuPercent, "%");
        Add($"{prefix}generatorCpu", $"{prefix}load generator CPU (of its one core)", run.GeneratorCpuPercent, "%");
        if (run.GeneratorCpuPercent > 90)
        {
            Notes.Add($"{prefix}the load generator's core was {run.GeneratorCpuPercent:F0}% busy: this figure may be bound by the generator, not the server.");
        }
    }
}
