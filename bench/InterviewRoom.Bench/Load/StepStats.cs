namespace InterviewRoom.Bench.Load;

/// <summary>The four timed steps of an interview cycle, and the whole cycle.</summary>
internal static class Steps
{
    public const string Ask = "ask";
    public const string Ack = "ack";
    public const string Submit = "submit";
    public const string Score = "score";
    public const string Cycle = "cycle";

    public static readonly string[] Timed = [Ask, Ack, Submit, Score];

    public static string Label(string step) => step switch
    {
        Ask => "Ask → QuestionAsked (candidate)",
        Ack => "Acknowledge → QuestionDelivered (interviewer)",
        Submit => "Submit → AnswerSubmitted (interviewer)",
        Score => "Score → ScoreSaved (interviewer)",
        Cycle => "whole cycle",
        _ => step,
    };
}

/// <summary>Latency samples per step and failures per step and kind; safe to fill from many cycles at once.</summary>
internal sealed class StepStats
{
    private readonly Dictionary<string, List<double>> samples = [];
    private readonly Dictionary<string, int> failures = [];
    private readonly List<string> firstErrors = [];

    public int Completed { get; private set; }

    public int Failed { get; private set; }

    public void Add(string step, double ms)
    {
        lock (samples)
        {
            if (!samples.TryGetValue(step, out var list))
            {
                samples[step] = list = [];
            }

            list.Add(ms);
        }
    }

    public void Fail(string step, string kind, string? detail)
    {
        lock (samples)
        {
            var key = $"{step}: {kind}";
            failures[key] = failures.GetValueOrDefault(key) + 1;
            if (detail is not null && firstErrors.Count < 5)
            {
                firstErrors.Add($"{key}: {detail}");
            }
        }
    }

    public void CycleDone(bool ok)
    {
        lock (samples)
        {
            if (ok)
            {
                Completed++;
            }
            else
            {
                Failed++;
            }
        }
    }

    public const string CancelledKind = "cancelled at the end of the run";

    public int Timeouts => Sum(k => k.EndsWith(": timeout", StringComparison.Ordinal));

    /// <summary>Cycles still running when the run's drain ran out, cancelled and not counted as errors.</summary>
    public int Cancelled => Sum(k => k.EndsWith(CancelledKind, StringComparison.Ordinal));

    public int Errors => Sum(k => !k.EndsWith(": timeout", StringComparison.Ordinal) && !k.EndsWith(CancelledKind, StringComparison.Ordinal));

    public IReadOnlyDictionary<string, int> Failures { get { lock (samples) { return new Dictionary<string, int>(failures); } } }

    public IReadOnlyList<string> FirstErrors { get { lock (samples) { return [.. firstErrors]; } } }

    public Percentiles? Of(string step)
    {
        lock (samples)
        {
            return samples.TryGetValue(step, out var list) && list.Count > 0 ? Percentiles.From(list) : null;
        }
    }

    private int Sum(Func<string, bool> which)
    {
        lock (samples)
        {
            return failures.Where(f => which(f.Key)).Sum(f => f.Value);
        }
    }
}

/// <summary>Nearest-rank percentiles of a set of samples, in milliseconds.</summary>
internal sealed record Percentiles(int Count, double P50, double P95, double P99, double Max, double Mean)
{
    public static Percentiles From(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        double At(double q) => sorted[Math.Clamp((int)Math.Ceiling(q * sorted.Length) - 1, 0, sorted.Length - 1)];
        return new Percentiles(sorted.Length, At(0.50), At(0.95), At(0.99), sorted[^1], sorted.Average());
    }
}
