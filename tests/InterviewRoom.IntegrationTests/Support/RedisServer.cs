using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// A throwaway <c>redis-server</c> of this test's own: loopback only, a free port, no persistence, no config file, in
/// the foreground (not daemonized). <see cref="StopAsync"/> kills it, as Redis going down would; <see cref="RestartAsync"/>
/// brings it back, empty, on the same port. Only the process this object started is ever killed. A missing
/// redis-server fails the test with a clear message: test.sh installs it.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    public const string ExecutablePath = "/usr/bin/redis-server";

    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private static readonly ConcurrentDictionary<Process, byte> Live = new();

    private readonly List<string> output = [];
    private readonly string directory;
    private Process? process;

    static RedisServer() =>
        // A safety net for a test that forgot to dispose: never leave a redis-server of ours running after the test host.
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            foreach (var orphan in Live.Keys)
            {
                try
                {
                    orphan.Kill(entireProcessTree: true);
                }
                catch (InvalidOperationException)
                {
                    // Already gone.
                }
            }
        };

    private RedisServer(int port)
    {
        Port = port;
        directory = Path.Combine(Path.GetTempPath(), "interviewroom-tests", $"redis-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
    }

    public int Port { get; }

    /// <summary>For StackExchange.Redis: "127.0.0.1:PORT".</summary>
    public string ConnectionString => $"127.0.0.1:{Port}";

    /// <summary>The current redis-server's process id (a restart gives a new one).</summary>
    public int Pid => process?.Id ?? throw new InvalidOperationException("redis-server was never started.");

    public bool IsRunning => process is { HasExited: false };

    /// <summary>Every line redis-server wrote, across restarts, stderr prefixed "[stderr] " (a snapshot).</summary>
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

    /// <summary>Starts a redis-server on a free loopback port and returns once it answers PING with PONG.</summary>
    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(ExecutablePath))
        {
            throw new InvalidOperationException(
                $"redis-server is not installed: run ./test.sh, which installs it (apt-get install redis-server). Looked for {ExecutablePath}.");
        }

        // The free port is released before redis-server binds it, so another process can win the race: try again.
        for (var attempt = 1; ; attempt++)
        {
            var redis = new RedisServer(FreeLoopbackPort());
            try
            {
                await redis.LaunchAsync();
                return redis;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                await redis.DisposeAsync();
            }
            catch
            {
                await redis.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>Kills redis-server (SIGKILL: no goodbye to its clients) and waits until it is gone.</summary>
    public async Task StopAsync()
    {
        if (process is not { } running)
        {
            return;
        }

        try
        {
            if (!running.HasExited)
            {
                running.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Exited in the meantime.
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await running.WaitForExitAsync(timeout.Token);
        Live.TryRemove(running, out _);
    }

    /// <summary>Starts redis-server again, empty, on the same port (stopping it first if it still runs); returns once it answers PING.</summary>
    public async Task RestartAsync()
    {
        await StopAsync();

        // The old socket is gone with the process (redis sets SO_REUSEADDR), so the port is normally free at once;
        // a few tries cover a slow kernel.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LaunchAsync();
                return;
            }
            catch (InvalidOperationException) when (attempt < 5)
            {
                await StopAsync();
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    /// <summary>True when redis-server answers a PING with +PONG over a fresh connection; false when it cannot be reached.</summary>
    public async Task<bool> PingAsync(CancellationToken cancellationToken = default) =>
        await CommandAsync(["PING"], cancellationToken) == "+PONG";

    /// <summary>
    /// Sends one command over a fresh connection (raw RESP) and returns the reply: a simple string or error with its
    /// "+"/"-" prefix, a bulk string's content, ":n" for an integer; null when redis-server cannot be reached.
    /// </summary>
    public async Task<string?> CommandAsync(IReadOnlyList<string> command, CancellationToken cancellationToken = default)
    {
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port, timeout.Token);
            var stream = client.GetStream();
            var request = new StringBuilder($"*{command.Count}\r\n");
            foreach (var part in command)
            {
                request.Append($"${Encoding.UTF8.GetByteCount(part)}\r\n{part}\r\n");
            }

            await stream.WriteAsync(Encoding.UTF8.GetBytes(request.ToString()), timeout.Token);
            var reply = new List<byte>();
            var buffer = new byte[4096];
            while (true)
            {
                var read = await stream.ReadAsync(buffer, timeout.Token);
                if (read == 0)
                {
                    return null;
                }

                reply.AddRange(buffer.AsSpan(0, read));
                var text = Encoding.UTF8.GetString(reply.ToArray());
                var firstLine = text.IndexOf("\r\n", StringComparison.Ordinal);
                if (firstLine < 0)
                {
                    continue;
                }

                if (text[0] != '$')
                {
                    return text[..firstLine];
                }

                var length = int.Parse(text[1..firstLine], System.Globalization.CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }

                var headerBytes = Encoding.UTF8.GetByteCount(text[..(firstLine + 2)]);
                if (reply.Count >= headerBytes + length + 2)
                {
                    return Encoding.UTF8.GetString(reply.ToArray(), headerBytes, length);
                }
            }
        }
        catch (Exception exception) when (exception is SocketException or IOException or OperationCanceledException
            && !cancellationToken.IsCancellationRequested)
        {
            return null;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        process = null;
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: it only ever holds an empty working folder.
        }
    }

    public override string ToString() => $"redis-server on {ConnectionString}";

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private async Task LaunchAsync()
    {
        process?.Dispose();
        var start = new ProcessStartInfo(ExecutablePath)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--bind", "127.0.0.1",
            "--save", string.Empty,
            "--appendonly", "no",
            "--protected-mode", "yes",
            "--daemonize", "no",
            "--dir", directory,
        })
        {
            start.ArgumentList.Add(argument);
        }

        var started = new Process { StartInfo = start, EnableRaisingEvents = true };
        started.OutputDataReceived += (_, line) => OnLine(line.Data, error: false);
        started.ErrorDataReceived += (_, line) => OnLine(line.Data, error: true);
        started.Start();
        process = started;
        Live[started] = 0;
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();

        // Polling is fine here: this waits for another process to start listening, not for an event of ours.
        var clock = Stopwatch.StartNew();
        while (!await PingAsync())
        {
            if (started.HasExited)
            {
                await started.WaitForExitAsync();
                throw Failure($"exited (code {started.ExitCode}) before answering PING");
            }

            if (clock.Elapsed > StartTimeout)
            {
                throw Failure($"did not answer PING within {StartTimeout.TotalSeconds:F0} s");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }

        // Make sure the redis answering is ours, not one that already held the port (ours then fails to bind).
        var info = await CommandAsync(["INFO", "server"]) ?? string.Empty;
        if (!info.Split("\r\n").Contains($"process_id:{started.Id}"))
        {
            throw Failure($"lost its port to another process (pid {started.Id} is not the redis answering on it)");
        }
    }

    private InvalidOperationException Failure(string what) =>
        new($"redis-server on port {Port} {what}. Its output:{Environment.NewLine}{string.Join(Environment.NewLine, Output)}");

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
    }
}
