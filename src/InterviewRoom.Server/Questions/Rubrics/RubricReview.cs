using System.Text.Json;
using System.Text.Json.Serialization;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// The reviewed rubrics of a bank (docs/rubrics.md, "The review file"): one entry per question number, written
/// by people who interview for a living, applied over what <see cref="RubricBuilder"/> made. An entry either
/// gives the whole rubric (criteria with core marks and provenance, red flags, anchors 1/3/5, time box, note) or
/// says <c>sameAs</c> another number (a duplicate shares that rubric).
/// </summary>
public sealed class RubricReview
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowTrailingCommas = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private readonly Dictionary<int, ReviewEntry> entries;

    private RubricReview(Dictionary<int, ReviewEntry> entries) => this.entries = entries;

    public static RubricReview None { get; } = new([]);

    public int Count => entries.Count;

    public IEnumerable<int> Numbers => entries.Keys;

    /// <summary>Reads and checks a review file; every problem names the entry it is in.</summary>
    public static RubricReview Parse(string json)
    {
        ReviewFile file;
        try
        {
            file = JsonSerializer.Deserialize<ReviewFile>(json, Options) ?? throw new InvalidDataException("The rubric review file is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"The rubric review file is not valid: {e.Message}", e);
        }

        var entries = new Dictionary<int, ReviewEntry>();
        foreach (var entry in file.Questions ?? [])
        {
            Check(entry);
            if (!entries.TryAdd(entry.Number, entry))
            {
                throw new InvalidDataException($"Rubric review: question {entry.Number} is reviewed twice.");
            }
        }

        foreach (var entry in entries.Values.Where(e => e.SameAs is not null))
        {
            if (!entries.TryGetValue(entry.SameAs!.Value, out var target) || target.SameAs is not null)
            {
                throw new InvalidDataException(
                    $"Rubric review, question {entry.Number}: sameAs {entry.SameAs} must name a question reviewed in full.");
            }
        }

        return new RubricReview(entries);
    }

    public static RubricReview Load(string path) => Parse(File.ReadAllText(path));

    /// <summary>
    /// The reviewed rubric and time box of a question, or null when the file has no entry for it. Throws when the
    /// entry was written for another question (the seed was renumbered): a review must never land on the wrong one.
    /// </summary>
    public ReviewedRubric? For(ParsedQuestion question)
    {
        if (!entries.TryGetValue(question.Number, out var entry))
        {
            return null;
        }

        if (SeedParser.NormalizeQuestion(entry.Question) != SeedParser.NormalizeQuestion(question.Text))
        {
            throw new InvalidDataException(
                $"Rubric review, question {question.Number}: written for \"{entry.Question}\", but the bank's question {question.Number} is \"{question.Text}\".");
        }

        var full = entry.SameAs is { } other ? entries[other] : entry;
        var note = entry.SameAs is { } original
            ? Join($"The same question as {original}; it shares that question's rubric.", full.Note)
            : full.Note;
        var content = new RubricContent(
            [.. full.Criteria!.Select((c, i) => new Criterion($"c{i + 1}", c.Text.Trim(), c.Source, c.Core))],
            StandardItems.WithSaidSomethingWrong(full.RedFlags!.Select((f, i) => new RedFlag($"r{i + 1}", f.Text.Trim(), f.Source))),
            [.. full.Anchors!.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => new ScaleAnchor(int.Parse(a.Key, System.Globalization.CultureInfo.InvariantCulture), a.Value.Trim()))],
            note,
            full.NeedsReview,
            Reviewed: true);
        return new ReviewedRubric(content, full.TimeLimitSeconds!.Value);
    }

    private static string? Join(string first, string? second) => second is null ? first : $"{first} {second}";

    private static void Check(ReviewEntry entry)
    {
        var at = $"Rubric review, question {entry.Number}";
        if (entry.Number <= 0 || string.IsNullOrWhiteSpace(entry.Question))
        {
            throw new InvalidDataException($"{at}: number and question are required.");
        }

        if (entry.SameAs is not null)
        {
            if (entry.Criteria is not null || entry.RedFlags is not null || entry.Anchors is not null || entry.TimeLimitSeconds is not null)
            {
                throw new InvalidDataException($"{at}: an entry with sameAs has no rubric of its own.");
            }

            return;
        }

        if (entry.Criteria is not { Count: > 0 } criteria || entry.RedFlags is null || entry.Anchors is null || entry.TimeLimitSeconds is null)
        {
            throw new InvalidDataException($"{at}: criteria, redFlags, anchors and timeLimitSeconds are required.");
        }

        if (entry.TimeLimitSeconds is < Interview.Timing.TurnClock.MinTimeLimitSeconds or > Interview.Timing.TurnClock.MaxTimeLimitSeconds)
        {
            throw new InvalidDataException($"{at}: timeLimitSeconds {entry.TimeLimitSeconds} is out of range.");
        }

        if (criteria.Any(c => string.IsNullOrWhiteSpace(c.Text) || c.Source is not (RubricSources.Guidance or RubricSources.ReferenceAnswer or RubricSources.Reviewed)))
        {
            throw new InvalidDataException($"{at}: every criterion needs text and a source (guidance, referenceAnswer or reviewed).");
        }

        if (!criteria.Any(c => c.Core))
        {
            throw new InvalidDataException($"{at}: mark at least one criterion core.");
        }

        if (entry.RedFlags.Any(f => string.IsNullOrWhiteSpace(f.Text) || f.Source is not (RubricSources.Guidance or RubricSources.Reviewed)))
        {
            throw new InvalidDataException($"{at}: every red flag needs text and a source (guidance or reviewed).");
        }

        if (!entry.Anchors.Keys.Order(StringComparer.Ordinal).SequenceEqual(["1", "3", "5"]) || entry.Anchors.Values.Any(string.IsNullOrWhiteSpace))
        {
            throw new InvalidDataException($"{at}: anchors must give levels \"1\", \"3\" and \"5\".");
        }
    }

    private sealed record ReviewFile(string? Bank, string? About, List<ReviewEntry>? Questions);

    private sealed record ReviewEntry(
        int Number,
        string Question,
        int? SameAs,
        int? TimeLimitSeconds,
        string? Note,
        string? NeedsReview,
        List<ReviewCriterion>? Criteria,
        List<ReviewRedFlag>? RedFlags,
        Dictionary<string, string>? Anchors);

    private sealed record ReviewCriterion(string Text, bool Core, string Source);

    private sealed record ReviewRedFlag(string Text, string Source);
}

/// <summary>A question's rubric and default time box as reviewed.</summary>
public sealed record ReviewedRubric(RubricContent Rubric, int TimeLimitSeconds);
