using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// The items a list inside a guidance sentence gives: one per element ("Mentions indexing", 133); a subject repeated
/// ("Explains how a hash table handles collisions", 144); "such as" examples joined to their noun ("Names common
/// sorting algorithms (e.g. quick sort, merge sort)", 10) or listed after their lead ("Explains their prioritization
/// methods", then "Mentions using task lists"…, 113); "their practical applications…" tied back to the noun (10); a
/// trailing ", explaining how…" as an item of its own (182). A generic lead ("factors like", "different techniques
/// like") gives no item (115, 173, 182).
/// </summary>
internal static partial class GuidanceBundles
{
    public static IEnumerable<(string Text, DraftRole Role)> Items(Bundle bundle, string? verb, string context)
    {
        var lead = Introducer().Replace(bundle.Prefix, string.Empty).Trim().TrimEnd(',');
        var items = new List<(string, DraftRole)>();
        if (lead.Length > 0 && GuidanceItems.HowClause().IsMatch(lead))
        {
            // "how a hash table stores…, uses…, and handles…": the subject is repeated in each item (144).
            items.AddRange(bundle.Elements.SelectMany(e => GuidanceItems.One($"{lead} {e}", verb ?? "Explains", context)));
        }
        else if (lead.Length > 0 && !GenericLead().IsMatch(lead))
        {
            var modifiers = bundle.Elements.Where(e => !Their().IsMatch(e)).ToList();
            if (modifiers.All(e => Modifier().IsMatch(e)) && lead.Contains(' ', StringComparison.Ordinal))
            {
                // "common algorithms, such as sorting (e.g. …)" → "Names common sorting algorithms (e.g. …)" (10).
                var head = lead.LastIndexOf(' ');
                items.AddRange(modifiers.Select(e => Modifier().Match(e)).Select(m =>
                    (ItemText.WithVerb(verb ?? "Mentions", $"{lead[..head]} {m.Groups["word"].Value} {lead[(head + 1)..]}{m.Groups["rest"].Value}", context), DraftRole.Content)));
            }
            else
            {
                items.AddRange(GuidanceItems.One(lead, verb, context));
                items.AddRange(modifiers.SelectMany(e => GuidanceItems.One(e, "Mentions", context)));
            }

            items.AddRange(bundle.Elements.Where(e => Their().IsMatch(e)).Select(e => (ItemText.WithVerb("Explains", OfLead(e, lead), context), DraftRole.Content)));
        }
        else
        {
            items.AddRange(bundle.Elements.SelectMany(e => GuidanceItems.One(e, verb, context)));
        }

        if (Participle().Match(bundle.Suffix) is { Success: true } tail && Verbs.FromParticiple(tail.Groups["verb"].Value) is { } finite)
        {
            // ", explaining how these contribute…" (182) is an item of its own.
            items.Add(($"{ItemText.UpperFirst(finite)} {tail.Groups["rest"].Value}", DraftRole.Content));
        }

        return items;
    }

    /// <summary>"their practical applications in optimizing code performance" → "the practical applications of common algorithms in…".</summary>
    private static string OfLead(string element, string lead)
    {
        var text = Their().Replace(element, "the ");
        var preposition = Preposition().Match(text, 4);
        return preposition.Success ? $"{text[..preposition.Index]} of {lead}{text[preposition.Index..]}" : $"{text} of {lead}";
    }

    [GeneratedRegex(@"(?:,?\s*\b(?:such as|like|including|includes|include|namely|e\.g\.|covering|covers)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex Introducer();

    [GeneratedRegex(@"^(?:(?:different|various|several|some|many|other|common|key|the|these)\s+)*(?:factors|techniques|strategies|steps|things|methods|tools|examples|ways|topics|areas|points|practices|approaches|concepts|options|measures)$", RegexOptions.IgnoreCase)]
    private static partial Regex GenericLead();

    [GeneratedRegex(@"^(?<word>[\w-]+)(?<rest>\s*\([^)]*\))?$")]
    private static partial Regex Modifier();

    [GeneratedRegex(@"^their\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Their();

    [GeneratedRegex(@"\s(?:in|for|to|on|with|at|by|when|during)\s")]
    private static partial Regex Preposition();

    [GeneratedRegex(@"^(?<verb>\w+ing)\s+(?<rest>.+)$")]
    private static partial Regex Participle();
}
