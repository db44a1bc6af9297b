using System.Globalization;

namespace InterviewRoom.Bench.Infrastructure;

/// <summary>
/// The command line: scenario names (or <c>all</c>), <c>--quick</c>, <c>--servers product,baseline</c>,
/// <c>--out DIR</c>, <c>--product-arg X</c> (repeatable) and per-scenario sizes as <c>--name value</c>.
/// Every size has a full default and a toy one for <c>--quick</c>.
/// </summary>
internal sealed class BenchOptions
{
    public static readonly string[] AllScenarios = ["cpu", "latency", "rooms1000", "knee", "classpush", "idle", "reconnect"];

    private readonly Dictionary<string, string> values = new(StringComparer.OrdinalIgnoreCase);

    public List<string> Scenarios { get; } = [];

    public bool Quick { get; private set; }

    public List<string> Servers { get; private set; } = ["product", "baseline"];

    public List<string> ProductArgs { get; } = [];

    public string? OutDir { get; private set; }

    public static BenchOptions Parse(string[] args)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            if (arg == "--quick")
            {
                options.Quick = true;
            }
            else if (arg.StartsWith("--", StringComparison.Ordinal))
            {
                var name = arg[2..];
                var value = i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value.");
                switch (name)
                {
                    case "servers": options.Servers = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries)]; break;
                    case "out": options.OutDir = value; break;
                    case "product-arg": options.ProductArgs.Add(value); break;
                    default: options.values[name] = value; break;
                }
            }
            else if (arg == "all")
            {
                options.Scenarios.AddRange(AllScenarios);
            }
            else if (AllScenarios.Contains(arg))
            {
                options.Scenarios.Add(arg);
            }
            else
            {
                throw new ArgumentException($"Unknown scenario '{arg}'. Scenarios: all, {string.Join(", ", AllScenarios)}.");
            }
        }

        if (options.Scenarios.Count == 0)
        {
            options.Scenarios.AddRange(AllScenarios);
        }

        if (options.Servers.Except(["product", "baseline"]).FirstOrDefault() is { } unknown)
        {
            throw new ArgumentException($"Unknown server '{unknown}': product, baseline.");
        }

        return options;
    }

    /// <summary>A size: the command line's, else the quick or the full default.</summary>
    public double Get(string name, double full, double quick) =>
        values.TryGetValue(name, out var text) ? double.Parse(text, CultureInfo.InvariantCulture) : Quick ? quick : full;

    public int GetInt(string name, int full, int quick) => (int)Get(name, full, quick);

    public TimeSpan Seconds(string name, double full, double quick) => TimeSpan.FromSeconds(Get(name, full, quick));

    public IReadOnlyDictionary<string, string> Overrides => values;
}
