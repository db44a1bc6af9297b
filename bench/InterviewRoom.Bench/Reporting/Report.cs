using System.Globalization;
using System.Text;
using System.Text.Json;

namespace InterviewRoom.Bench.Reporting;

/// <summary>Writes results.json and results.md: every scenario's figures, product beside baseline, with the ratio.</summary>
internal static class Report
{
    public static string Markdown(IReadOnlyList<ScenarioResult> results, IReadOnlyDictionary<string, string> machine, string command)
    {
        var md = new StringBuilder();
        md.AppendLine("# InterviewRoom load test").AppendLine();
        md.AppendLine($"Command: `{command}`").AppendLine();
        md.AppendLine(string.Join("; ", machine.Select(m => $"{m.Key}: {m.Value}"))).AppendLine();
        foreach (var scenario in results.Select(r => r.Scenario).Distinct())
        {
            var product = results.FirstOrDefault(r => r.Scenario == scenario && r.Server == "product");
            var baseline = results.FirstOrDefault(r => r.Scenario == scenario && r.Server == "baseline");
            md.AppendLine($"## {scenario}").AppendLine();
            md.AppendLine("| figure | product | baseline | product ÷ baseline |").AppendLine("| --- | ---: | ---: | ---: |");
            var keys = (product?.Metrics ?? []).Concat(baseline?.Metrics ?? []).Select(m => (m.Key, m.Label)).Distinct().ToList();
            foreach (var (key, label) in keys)
            {
                var p = product?.Metrics.FirstOrDefault(m => m.Key == key);
                var b = baseline?.Metrics.FirstOrDefault(m => m.Key == key);
                var ratio = p?.Value is { } pv && b?.Value is { } bv && bv != 0 && key is not ("errors" or "timeouts") ? Format(pv / bv, "×") : "";
                md.AppendLine($"| {label} | {Cell(p)} | {Cell(b)} | {ratio} |");
            }

            foreach (var note in (product?.Notes ?? []).Select(n => $"product: {n}").Concat((baseline?.Notes ?? []).Select(n => $"baseline: {n}")))
            {
                md.AppendLine().Append("- ").Append(note.ReplaceLineEndings(" "));
            }

            md.AppendLine().AppendLine();
        }

        return md.ToString();
    }

    public static string Json(IReadOnlyList<ScenarioResult> results, IReadOnlyDictionary<string, string> machine, string command) =>
        JsonSerializer.Serialize(new { command, machine, results }, new JsonSerializerOptions
        {
            WriteIndented = true,
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
        });

    private static string Cell(Metric? metric) => metric switch
    {
        null => "–",
        { Text: { } text } => text,
        { Value: { } value } => Format(value, metric.Unit),
        _ => "–",
    };

    private static string Format(double value, string unit)
    {
        var digits = Math.Abs(value) switch { >= 1000 => "F0", >= 100 => "F0", >= 10 => "F1", _ => "F2" };
        var number = value == Math.Floor(value) && Math.Abs(value) < 1e9 && unit is "" ? value.ToString("F0", CultureInfo.InvariantCulture) : value.ToString(digits, CultureInfo.InvariantCulture);
        return unit switch { "" => number, "×" => number + "×", "%" => number + " %", _ => $"{number} {unit}" };
    }
}
