using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Reporting;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>A scenario: one measurement against one server.</summary>
internal interface IScenario
{
    string Name { get; }

    Task RunAsync(ScenarioContext context, ScenarioResult result);
}

/// <summary>
/// What a scenario needs: the options, the paths, and its server. Every scenario gets a fresh server (a new
/// process on a new database) unless <c>--quick</c>, where one server of each kind serves every scenario.
/// </summary>
internal sealed class ScenarioContext(BenchOptions options, BenchEnvironment env, string server) : IAsyncDisposable
{
    private Target? shared;

    public BenchOptions Options => options;

    public BenchEnvironment Env => env;

    public string Server => server;

    public bool IsProduct => server == "product";

    /// <summary>The per-step timeout of a cycle.</summary>
    public TimeSpan StepTimeout => options.Seconds("step-timeout", 10, 5);

    public async Task<Lease> ServerAsync(string scenario, ScenarioResult result)
    {
        var reused = shared is not null;
        var target = shared ?? await Target.StartAsync(server, env, options, scenario);
        if (options.Quick)
        {
            shared = target;
        }

        result.Details["serverCommand"] = target.Process.CommandLine;
        if (!reused)
        {
            result.Add("startup", "server start to /health/ready", target.StartupTime.TotalSeconds, "s");
        }

        return new Lease(target, reused || options.Quick ? null : target);
    }

    public async ValueTask DisposeAsync()
    {
        if (shared is not null)
        {
            await shared.DisposeAsync();
        }
    }

    /// <summary>A server for one scenario; disposing it stops a server that is not shared.</summary>
    internal sealed class Lease(Target target, Target? owned) : IAsyncDisposable
    {
        public Target Target => target;

        public async ValueTask DisposeAsync()
        {
            if (owned is not null)
            {
                await owned.DisposeAsync();
            }
        }
    }
}
