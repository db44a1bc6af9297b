using System.Diagnostics;
using System.Globalization;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>Where things are (the repository, the built servers, the results folder) and what machine this is.</summary>
internal sealed class BenchEnvironment
{
    public const string PinnedMarker = "BENCH_PINNED";

    private BenchEnvironment(string root, string results)
    {
        Root = root;
        ResultsDir = results;
        Directory.CreateDirectory(Path.Combine(results, "logs"));
        BankPath = Path.Combine(results, "bank.json");
    }

    public string Root { get; }

    public string ResultsDir { get; }

    /// <summary>The product's question bank as served, saved on the first product run and handed to the baseline.</summary>
    public string BankPath { get; }

    public string ProductDll => Built("src/InterviewRoom.Server", "InterviewRoom.Server.dll");

    public string ProductContentRoot => Path.Combine(Root, "src/InterviewRoom.Server");

    public string BaselineDll => Built("bench/InterviewRoom.Baseline", "InterviewRoom.Baseline.dll");

    public string Log(string name) => Path.Combine(ResultsDir, "logs", name);

    public static BenchEnvironment Create(string? outDir)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "InterviewRoom.sln")))
        {
            root = Path.GetDirectoryName(root.TrimEnd('/')) ?? throw new InvalidOperationException("InterviewRoom.sln not found above the bench.");
        }

        var stamp = DateTime.UtcNow.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        return new BenchEnvironment(root, Path.GetFullPath(outDir ?? Path.Combine(root, "bench", "results", stamp)));
    }

    public Dictionary<string, string> Machine() => new()
    {
        ["nproc"] = Environment.ProcessorCount.ToString(CultureInfo.InvariantCulture) + " visible to the generator; " + Run("nproc", "--all") + " in all",
        ["cpu"] = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':')[1].Trim() ?? "?",
        ["memory"] = File.ReadLines("/proc/meminfo").First().Split(':')[1].Trim(),
        ["kernel"] = Run("uname", "-r"),
        ["runtime"] = System.Runtime.InteropServices.RuntimeInformation.FrameworkDescription,
        ["openFileLimit"] = ProcStat.OpenFileLimit().ToString(CultureInfo.InvariantCulture),
        ["generatorCpus"] = Pinning.AllowedCpus(),
        ["serverCpus"] = Pinning.ServerCpu,
        ["commit"] = Run("git", $"-C {Root} rev-parse --short HEAD") + (Run("git", $"-C {Root} status --porcelain --untracked-files=no").Length > 0 ? " (with local changes)" : ""),
    };

    private string Built(string project, string dll)
    {
        var path = Path.Combine(Root, project, "bin", "Release", "net10.0", dll);
        return File.Exists(path) ? path : throw new FileNotFoundException($"{path} is missing: build Release first (bench/run.sh does).");
    }

    private static string Run(string file, string args)
    {
        try
        {
            using var p = Process.Start(new ProcessStartInfo(file, args) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var text = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            return text;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return "?";
        }
    }
}
