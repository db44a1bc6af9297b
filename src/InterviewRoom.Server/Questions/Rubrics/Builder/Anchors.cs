using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Anchors 1, 3 and 5 for one question, inside the generic frame (<see cref="ScoreScale"/>): 1 names the
/// characteristic failure (the source's red flag when it has one, else missing or misstating the core points), 3
/// names the core items, 5 adds the other items and the precision and example an excellent answer has. Items are
/// named by their words without the leading verb, cut at a clause boundary ("Atomicity", "a load balancer is a
/// system that distributes incoming traffic across multiple servers"), never mid-word; each anchor stays within
/// <see cref="MaxLength"/> characters. Checked on every question of the seed.
/// </summary>
internal static partial class Anchors
{
    public const int MaxLength = 260;

    private static readonly string[] Verbs = ["Says to ", "Mentions ", "Says ", "Names ", "Explains ", "Describes ", "Gives "];

    public static IReadOnlyList<ScaleAnchor> For(IReadOnlyList<Criterion> criteria, IReadOnlyList<RedFlag> sourceRedFlags, bool story, string context)
    {
        foreach (var limit in new[] { 64, 50, 40, 30 })
        {
            var anchors = Write(criteria, sourceRedFlags, story, context, limit);
            if (anchors.All(a => a.Anchor.Length <= MaxLength))
            {
                return anchors;
            }
        }

        return Write(criteria, sourceRedFlags, story, context, 18);
    }

    private static IReadOnlyList<ScaleAnchor> Write(IReadOnlyList<Criterion> criteria, IReadOnlyList<RedFlag> redFlags, bool story, string context, int limit)
    {
        var core = criteria.Where(c => c.Core).Select(c => Name(c, criteria, context, limit)).ToList();
        var others = criteria.Where(c => !c.Core && !IsExampleItem(c)).Select(c => Name(c, criteria, context, limit)).Take(2).ToList();
        var failure = redFlags.Count > 0
            ? $"{Clauses.Head(redFlags[0].Text, limit + 20)}, or none of the core points ({string.Join("; ", core)})"
            : story
                ? $"A general habit or a hypothetical instead of a specific story, or none of the core points ({string.Join("; ", core)})"
                : $"None of the core points ({string.Join("; ", core)}), or a core point stated wrongly";
        var excellent = others.Count > 0
            ? $"All core points plus {Join(others)}, precisely, with a concrete example"
            : "All core points, precisely, with a concrete example and a trade-off or limitation";
        return
        [
            new(1, failure),
            new(3, $"Covers the core points: {Join(core)}"),
            new(5, excellent),
        ];
    }

    /// <summary>"Mentions indexing" → "indexing"; "Atomicity: in ACID, …" → "Atomicity" when no other item has that label.</summary>
    private static string Name(Criterion criterion, IReadOnlyList<Criterion> all, string context, int limit)
    {
        if (criterion.SourceDetail == StoryStructure.Detail)
        {
            return StoryStructure.ShortName(criterion.Text);
        }

        var text = Brackets().Replace(criterion.Text, string.Empty);
        var lead = Verbs.FirstOrDefault(v => text.StartsWith(v, StringComparison.Ordinal));
        text = lead is null ? text : ItemText.UpperFirst(text[lead.Length..]);
        var colon = text.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 0 && colon <= 40)
        {
            var label = text[..(colon + 2)];
            if (all.Count(c => Brackets().Replace(c.Text, string.Empty).StartsWith(label, StringComparison.Ordinal)) == 1)
            {
                return lead is null ? text[..colon] : ItemText.LowerFirst(text[..colon], context);
            }

            text = text[label.Length..];
        }

        var name = lead is null && colon < 0 ? ItemText.LowerFirst(text, context) : LowerCommon(text, context);
        return Clauses.Head(NotClause().Replace(name, string.Empty), limit);
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+\([^()]*\)")]
    private static partial System.Text.RegularExpressions.Regex Brackets();

    // ", not only what the team did", ", not a general habit": the contrast an anchor can leave out.
    [System.Text.RegularExpressions.GeneratedRegex(@",\s+not\b.*$")]
    private static partial System.Text.RegularExpressions.Regex NotClause();

    private static string LowerCommon(string text, string context) => ItemText.LowerFirst(text, context);

    private static bool IsExampleItem(Criterion criterion) =>
        criterion.SourceDetail?.EndsWith(": example", StringComparison.Ordinal) == true;

    private static string Join(IReadOnlyList<string> names) =>
        names.Count <= 1 ? string.Concat(names)
        : names.Any(n => n.Contains(',', StringComparison.Ordinal)) ? string.Join("; ", names)
        : $"{string.Join(", ", names.SkipLast(1))} and {names[^1]}";
}
