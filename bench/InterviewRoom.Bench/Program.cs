// The InterviewRoom load generator: starts the product and the baseline one after the other, each as its own
// process pinned to core 0, drives them from core 1, and writes bench/results/<timestamp>/results.{json,md}.
// Usage: bench/run.sh [all | cpu latency rooms1000 knee classpush idle reconnect ...] [--quick] [--servers product,baseline]
// (or dotnet run -c Release --project bench/InterviewRoom.Bench -- <same arguments>); see bench/README.md.
using System.Diagnostics;
using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Reporting;
using InterviewRoom.Bench.Scenarios;

if (Pinning.EnsurePinned(args) is { } pinnedExit)
{
    return pinnedExit;
}

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (ArgumentException problem)
{
    Console.Error.WriteLine($"bench: {problem.Message}");
    return 2;
}

IScenario[] known = [new CpuScenario(), PacedScenario.Latency(), PacedScenario.Rooms1000(), new KneeScenario(), new ClassPushScenario(), new IdleScenario(), new ReconnectScenario()];
var env = BenchEnvironment.Create(options.OutDir);
var command = Environment.GetEnvironmentVariable("BENCH_COMMAND") ?? $"bench {string.Join(' ', args)}";
var machine = env.Machine();
var results = new List<ScenarioResult>();
var total = Stopwatch.StartNew();
Console.WriteLine($"bench: {string.Join(", ", options.Scenarios)} on {string.Join(" then ", options.Servers)}{(options.Quick ? " (quick)" : "")}; results in {env.ResultsDir}");

// Server by server (the product first: its question bank is handed to the baseline), never both at once.
foreach (var server in options.Servers.OrderBy(s => s == "product" ? 0 : 1))
{
    await using var context = new ScenarioContext(options, env, server);
    foreach (var scenario in known.Where(s => options.Scenarios.Contains(s.Name)))
    {
        var result = new ScenarioResult(scenario.Name, server);
        var clock = Stopwatch.StartNew();
        Console.WriteLine($"bench: {scenario.Name} on {server}…");
        try
        {
            await scenario.RunAsync(context, result);
        }
        catch (Exception failure)
        {
            result.Notes.Add($"the scenario failed: {failure.GetType().Name}: {failure.Message}");
            Console.Error.WriteLine($"bench: {scenario.Name} on {server} failed: {failure}");
        }

        result.Add("duration", "scenario run time (set-up included)", clock.Elapsed.TotalSeconds, "s");
        results.Add(result);
        Console.WriteLine($"bench: {scenario.Name} on {server} done in {clock.Elapsed.TotalSeconds:F0} s");
        await File.WriteAllTextAsync(Path.Combine(env.ResultsDir, "results.json"), Report.Json(results, machine, command));
    }
}

machine["totalSeconds"] = total.Elapsed.TotalSeconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture);
var markdown = Report.Markdown(results, machine, command);
await File.WriteAllTextAsync(Path.Combine(env.ResultsDir, "results.md"), markdown);
await File.WriteAllTextAsync(Path.Combine(env.ResultsDir, "results.json"), Report.Json(results, machine, command));
Console.WriteLine();
Console.WriteLine(markdown);
Console.WriteLine($"bench: results in {env.ResultsDir} ({total.Elapsed.TotalMinutes:F1} min)");
return results.Any(r => r.Notes.Any(n => n.StartsWith("the scenario failed", StringComparison.Ordinal))) ? 1 : 0;
