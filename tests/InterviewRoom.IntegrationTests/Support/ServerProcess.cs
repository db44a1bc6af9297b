using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using InterviewRoom.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Data.Sqlite;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// The real, already-built server (<c>src/InterviewRoom.Server/bin/&lt;Configuration&gt;/net10.0</c>) run as its own OS
/// process with <c>dotnet InterviewRoom.Server.dll</c>, on loopback and a port the kernel picks, in Production, over the
/// SQLite file given. Unlike <see cref="InterviewRoomFactory"/> it can die for real: <see cref="Kill"/> is a SIGKILL, so
/// nothing in it (shutdown hooks, disposal, flushes) gets to run. Several processes given the same database path and
/// the same <c>ConnectionStrings:Redis</c> are instances of one scaled-out deployment.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private static readonly ConcurrentDictionary<Process, byte> Live = new();

    private readonly Process process;
    private readonly List<string> output = [];
    private readonly TaskCompletionSource<Uri> listening = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Task exited;
    private Uri? baseAddress;
    private bool disposed;

    static ServerProcess() =>
        // A safety net for a test that forgot to dispose: never leave a server of ours running after the test host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var orphan in Live.Keys)
            {
                TryKill(orphan);
            }
        };

    private ServerProcess(Process process, string name, string databasePath)
    {
        this.process = process;
        Name = name;
        DatabasePath = databasePath;
        process.OutputDataReceived += (_, line) => OnLine(line.Data, error: false);
        process.ErrorDataReceived += (_, line) => OnLine(line.Data, error: true);
        process.Start();
        Live[process] = 0;
        Pid = process.Id;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        exited = process.WaitForExitAsync();
    }

    /// <summary>A label for messages (e.g. "A", "B").</summary>
    public string Name { get; }

    public string DatabasePath { get; }

    public int Pid { get; }

    /// <summary>Where the server listens, e.g. http://127.0.0.1:41234/ (parsed from Kestrel's "Now listening on:" line).</summary>
    public Uri BaseAddress => baseAddress ?? throw new InvalidOperationException($"Server {Name} has not reported its address yet.");

    /// <summary>Every stdout line so far, and every stderr line prefixed "[stderr] ", in arrival order (a snapshot).</summary>
    public IReadOnlyList<string> Output
    {
        get
        {
            lock (output)
            {
                return output.ToArray();
            }
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>The exit code once exited; a SIGKILL reads as 137 (128 + 9).</summary>
    public int? ExitCode => process.HasExited ? process.ExitCode : null;

    /// <summary>Completes when the process has exited and its output is drained.</summary>
    public Task Exited => exited;

    /// <summary>
    /// Starts a server over <paramref name="databasePath"/> with <paramref name="settings"/> on top (as
    /// <c>--key=value</c> arguments, which win over appsettings.json and the defaults here; a null value is passed as
    /// an empty string), and returns once
    /// <c>/health/ready</c> answers 200: migrated and the question bank loaded.
    /// </summary>
    public static async Task<ServerProcess> StartAsync(string databasePath, IDictionary<string, string?> settings, string name)
    {
        // The child runs in the project folder: a relative path would point somewhere else there.
        databasePath = Path.GetFullPath(databasePath);
        var layout = ServerLayout.Find();
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = layout.ProjectDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = false,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(layout.Dll);
        foreach (var argument in new[]
        {
            "--urls", "http://127.0.0.1:0",
            // wwwroot and appsettings.json come from the project folder; the seed comes from beside the dll.
            "--contentRoot", layout.ProjectDirectory,
            $"--ConnectionStrings:InterviewRoom=Data Source={databasePath}",
            "--Rooms:JoinAttemptsPerMinute=1000",
            "--Rooms:JoinAttemptsPerCodePerMinute=1000",
            "--Rooms:CreatesPerMinute=100000",
            // The address is read from this logger's "Now listening on:" line.
            "--Serilog:MinimumLevel:Override:Microsoft.Hosting.Lifetime=Information",
        })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var inherited in new[]
        {
            "ASPNETCORE_URLS", "ASPNETCORE_HTTP_PORTS", "ASPNETCORE_HTTPS_PORTS", "ASPNETCORE_CONTENTROOT",
            "DOTNET_ENVIRONMENT", "DOTNET_URLS", "ASPNETCORE_HOSTINGSTARTUPASSEMBLIES",
        })
        {
            start.Environment.Remove(inherited);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var server = new ServerProcess(new Process { StartInfo = start, EnableRaisingEvents = true }, name, databasePath);
        try
        {
            await server.WaitUntilReadyAsync();
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Deletes a SQLite database and its WAL files (once no process of ours uses it).</summary>
    public static void DeleteDatabase(string databasePath)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }
    }

    public InterviewRoomApi Api() => new(Http());

    public HttpClient Http() => new() { BaseAddress = BaseAddress };

    /// <summary>A hub client over WebSockets (the default), or the transport given.</summary>
    public InterviewHubClient Hub(string token, HttpTransportType? transport = null, Action<HttpConnectionOptions>? configure = null) =>
        Hubs.Interview(BaseAddress, token, transport, configure);

    /// <summary>A plain SignalR connection to the hub at <paramref name="path"/> (see <see cref="Hubs"/>).</summary>
    public HubConnection Connect(string path, string? token = null) => Hubs.Connect(BaseAddress, path, token);

    /// <summary>SIGKILLs the process (and anything it started) and waits until it is gone.</summary>
    public void Kill()
    {
        ObjectDisposedException.ThrowIf(disposed, this);
        TryKill(process);
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            throw new InvalidOperationException($"Server {Name} (pid {Pid}) did not exit within 30 s of SIGKILL.");
        }

        process.WaitForExit();
        Live.TryRemove(process, out _);
    }

    public async ValueTask DisposeAsync()
    {
        if (disposed)
        {
            return;
        }

        Kill();
        await exited;
        disposed = true;
        process.Dispose();
    }

    public override string ToString() => $"server {Name} (pid {Pid}, {baseAddress?.ToString() ?? "no address yet"})";

    private static void TryKill(Process target)
    {
        try
        {
            if (!target.HasExited)
            {
                target.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already exited (or never started).
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var deadline = new CancellationTokenSource(StartTimeout);
        try
        {
            var first = await Task.WhenAny(listening.Task, exited).WaitAsync(deadline.Token);
            if (first == exited)
            {
                throw Failure("exited before listening");
            }

            baseAddress = await listening.Task;

            // Polling is fine here: this waits for another process to finish its start-up, not for an event of ours.
            using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
            while (true)
            {
                if (process.HasExited)
                {
                    await exited;
                    throw Failure("exited before /health/ready answered 200");
                }

                try
                {
                    using var response = await http.GetAsync("health/ready", deadline.Token);
                    if (response.StatusCode == HttpStatusCode.OK)
                    {
                        return;
                    }
                }
                catch (HttpRequestException)
                {
                    // Not accepting yet, or just died: the loop looks again.
                }

                await Task.Delay(TimeSpan.FromMilliseconds(100), deadline.Token);
            }
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw Failure(baseAddress is null
                ? $"printed no \"Now listening on:\" line within {StartTimeout.TotalSeconds:F0} s"
                : $"was not ready (/health/ready 200) within {StartTimeout.TotalSeconds:F0} s");
        }
    }

    private InvalidOperationException Failure(string what)
    {
        var exit = process.HasExited ? $", exit code {process.ExitCode}" : string.Empty;
        return new InvalidOperationException(
            $"Server process {Name} (pid {Pid}{exit}) {what}. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");
    }

    private void OnLine(string? line, bool error)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.Add(error ? $"[stderr] {line}" : line);
        }

        if (!error && !listening.Task.IsCompleted && ListeningLine().Match(AnsiEscape().Replace(line, string.Empty)) is { Success: true } match)
        {
            var address = match.Groups["address"].Value;
            listening.TrySetResult(new Uri(address.EndsWith('/') ? address : address + "/"));
        }
    }

    /// <summary>The dotnet host that runs these tests (so the same SDK/runtime), else the one on PATH.</summary>
    private static string DotnetHost()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        if (Environment.ProcessPath is { } self && Path.GetFileNameWithoutExtension(self) == "dotnet")
        {
            return self;
        }

        return "dotnet";
    }

    [GeneratedRegex(@"Now listening on:\s*""?(?<address>https?://[^\s""]+)")]
    private static partial Regex ListeningLine();

    [GeneratedRegex(@"\x1B\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    /// <summary>Where the built server lives: its project folder (content root) and its dll.</summary>
    private sealed record ServerLayout(string ProjectDirectory, string Dll)
    {
        public static ServerLayout Find()
        {
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "InterviewRoom.sln")))
            {
                root = root.Parent;
            }

            if (root is null)
            {
                throw new InvalidOperationException(
                    $"Cannot find the repository root (the folder with InterviewRoom.sln) above {AppContext.BaseDirectory}.");
            }

            var project = Path.Combine(root.FullName, "src", "InterviewRoom.Server");
            var configuration = typeof(ServerProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
            var framework = new DirectoryInfo(AppContext.BaseDirectory).Name is var folder && folder.StartsWith("net", StringComparison.Ordinal)
                ? folder
                : "net10.0";
            var candidates = new[]
            {
                Path.Combine(project, "bin", configuration, framework, "InterviewRoom.Server.dll"),
                // The test project references the server, so its build output carries a runnable copy too.
                Path.Combine(AppContext.BaseDirectory, "InterviewRoom.Server.dll"),
            };
            var dll = candidates.FirstOrDefault(File.Exists)
                ?? throw new InvalidOperationException(
                    $"The built server is missing (looked for {string.Join(" and ", candidates)}). Build the test project first: dotnet build tests/InterviewRoom.IntegrationTests");
            return new ServerLayout(project, dll);
        }
    }
}
