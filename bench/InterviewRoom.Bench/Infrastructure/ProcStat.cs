using System.Diagnostics;
using System.Globalization;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>CPU time and resident memory of a process, from <c>/proc</c>.</summary>
internal static class ProcStat
{
    private static readonly Lazy<double> TicksPerSecond = new(() =>
    {
        try
        {
            using var getconf = Process.Start(new ProcessStartInfo("getconf", "CLK_TCK") { RedirectStandardOutput = true })!;
            var text = getconf.StandardOutput.ReadToEnd().Trim();
            getconf.WaitForExit();
            return double.Parse(text, CultureInfo.InvariantCulture);
        }
        catch (Exception exception) when (exception is System.ComponentModel.Win32Exception or FormatException)
        {
            return 100;
        }
    });

    /// <summary>utime + stime of the whole process (every thread), in milliseconds.</summary>
    public static double CpuMs(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return ticks * 1000.0 / TicksPerSecond.Value;
    }

    public static double SelfCpuMs() => CpuMs(Environment.ProcessId);

    /// <summary>VmRSS in KiB.</summary>
    public static long RssKb(int pid) => long.Parse(
        File.ReadLines($"/proc/{pid}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);

    public static long OpenFileLimit() => long.Parse(
        File.ReadLines("/proc/self/limits").First(l => l.StartsWith("Max open files", StringComparison.Ordinal))
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)[3], CultureInfo.InvariantCulture);
}
