using System.Diagnostics;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>
/// Servers run on core 0, the load generator on core 1. A process started any other way re-executes itself
/// under <c>taskset -c 1</c> (affinity set from inside .NET would only cover the calling thread on Linux).
/// </summary>
internal static class Pinning
{
    public const string ServerCpu = "0";
    public const string GeneratorCpu = "1";
    private const string ReexecMarker = BenchEnvironment.PinnedMarker;

    public static string AllowedCpus(int pid = 0) =>
        File.ReadLines($"/proc/{(pid == 0 ? "self" : pid.ToString(System.Globalization.CultureInfo.InvariantCulture))}/status")
            .FirstOrDefault(l => l.StartsWith("Cpus_allowed_list:", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?";

    /// <returns>The exit code of the pinned copy, or null when this process is already the pinned one.</returns>
    public static int? EnsurePinned(string[] args)
    {
        if (Environment.ProcessorCount < 2 && AllowedCpus() != GeneratorCpu)
        {
            Console.Error.WriteLine("bench: fewer than 2 cores visible; running unpinned (figures are not comparable).");
            return null;
        }

        if (AllowedCpus() == GeneratorCpu || Environment.GetEnvironmentVariable(ReexecMarker) == "1")
        {
            return null;
        }

        var start = new ProcessStartInfo("taskset") { UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(GeneratorCpu);
        start.ArgumentList.Add(Environment.ProcessPath!);
        var entry = Environment.GetCommandLineArgs()[0];
        if (entry.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
        {
            start.ArgumentList.Add(entry); // started as `dotnet Bench.dll`
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[ReexecMarker] = "1";
        using var pinned = Process.Start(start)!;
        pinned.WaitForExit();
        return pinned.ExitCode;
    }
}
