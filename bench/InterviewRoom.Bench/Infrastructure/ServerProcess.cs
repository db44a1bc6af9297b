using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>
/// One server as its own OS process on core 0 (<c>taskset -c 0</c>), its output appended to a log file (never
/// piped through the generator's core). Stopped, killed or restarted by its PID only.
/// </summary>
internal sealed class ServerProcess(string name, IReadOnlyList<string> command, int port, string logPath) : IAsyncDisposable
{
    private Process? process;

    public string Name => name;

    public int Port => port;

    public Uri BaseUri { get; } = new($"http://127.0.0.1:{port}/");

    public int Pid => process?.Id ?? throw new InvalidOperationException($"{name} is not running.");

    public string CommandLine => string.Join(' ', command.Select(a => a.Contains(' ', StringComparison.Ordinal) ? $"\"{a}\"" : a));

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Starts the process and waits for <c>/health/ready</c>; returns the time that took.</summary>
    public async Task<TimeSpan> StartAsync(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var start = new ProcessStartInfo("bash") { UseShellExecute = false };
        foreach (var arg in (string[])["-c", "exec taskset -c \"$BENCH_SERVER_CPU\" \"$@\" >>\"$BENCH_SERVER_LOG\" 2>&1", "server", .. command])
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["BENCH_SERVER_CPU"] = Pinning.ServerCpu;
        start.Environment["BENCH_SERVER_LOG"] = logPath;
        start.Environment.Remove(BenchEnvironment.PinnedMarker);
        File.AppendAllText(logPath, $"--- bench: starting {name}: {CommandLine}{Environment.NewLine}");
        process = Process.Start(start)!;

        using var http = new HttpClient { BaseAddress = BaseUri, Timeout = TimeSpan.FromSeconds(2) };
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"{name} exited with {process.ExitCode} before it was ready; see {logPath}:\n{Tail()}");
            }

            try
            {
                using var response = await http.GetAsync("health/ready");
                if (response.IsSuccessStatusCode)
                {
                    return clock.Elapsed;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            await Task.Delay(25);
        }

        throw new TimeoutException($"{name} was not ready within {timeout.TotalSeconds:F0} s; see {logPath}:\n{Tail()}");
    }

    /// <summary>SIGKILL: a crash, for the restart scenario.</summary>
    public async Task KillAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    /// <summary>SIGTERM, then SIGKILL if it has not exited after <paramref name="grace"/>.</summary>
    public async Task StopAsync(TimeSpan grace)
    {
        if (process is not { HasExited: false } running)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", running.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var wait = new CancellationTokenSource(grace);
        try
        {
            await running.WaitForExitAsync(wait.Token);
        }
        catch (OperationCanceledException)
        {
            await KillAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(TimeSpan.FromSeconds(5));
        process?.Dispose();
    }

    private string Tail() => string.Join('\n', File.ReadLines(logPath).TakeLast(20));
}
