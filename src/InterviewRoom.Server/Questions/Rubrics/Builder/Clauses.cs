using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Makes a long statement fit an item without cutting it: splits it at "; " and at ", while" / ", whereas" into
/// statements of their own, then drops what an item can do without (a trailing ", which…", ", allowing…" or " —…"
/// clause, text in brackets), and gives up (returns nothing) rather than truncate. Checked on the seed's long
/// answer sentences, e.g. 40, 61, 62, 100, 105, 176 and 193.
/// </summary>
internal static partial class Clauses
{
    /// <summary>Pieces of the statement, each at most <paramref name="limit"/> characters; empty when it cannot fit.</summary>
    public static IReadOnlyList<string> Fit(string statement, int limit)
    {
        if (statement.Length <= limit)
        {
            return [statement];
        }

        var statements = Bundles.TopLevel(statement, ';').Where(s => s.Length > 0).ToList();
        if (statements.Count > 1)
        {
            return [.. statements.SelectMany(s => Fit(s, limit))];
        }

        var joined = Joined().Match(statement);
        if (joined.Success && joined.Index > 0 && statement[..joined.Index].Split(' ').Length >= 6 && statement[(joined.Index + joined.Length)..].Split(' ').Length >= 5)
        {
            // "…behind a load balancer, and when the traffic surge happens, simply add more instances" (89): two statements.
            return [.. Fit(statement[..joined.Index], limit), .. Fit(ItemText.UpperFirst(statement[(joined.Index + joined.Length)..]), limit)];
        }

        var contrast = Contrast().Split(statement);
        if (contrast.Length > 1 && contrast.All(c => c.Split(' ').Length >= 4))
        {
            return [.. contrast.SelectMany(c => Fit(c.Trim(), limit))];
        }

        return Shorten(statement, limit) is { } shortened ? [shortened] : [];
    }

    /// <summary>The statement without its optional parts, when that makes it fit; null otherwise.</summary>
    public static string? Shorten(string statement, int limit)
    {
        var text = statement;
        for (var round = 0; round < 2 && text.Length > limit; round++)
        {
            foreach (var drop in new[] { TrailingClause(), WhichMeans(), Brackets(), LongExample() })
            {
                if (text.Length > limit)
                {
                    text = Spaces().Replace(drop.Replace(text, string.Empty), " ").Trim().TrimEnd(',');
                }
            }
        }

        return text.Length <= limit && ItemText.IsWhole(text) && text.Split(' ').Length >= 3 ? text : null;
    }

    /// <summary>The first words of a text up to a clause boundary, for naming an item inside an anchor.</summary>
    public static string Head(string text, int limit)
    {
        if (text.Length <= limit)
        {
            return text;
        }

        var cut = StrongBoundary().Matches(text).Where(m => m.Index >= 20 && m.Index <= limit).Select(m => m.Index).LastOrDefault();
        if (cut == 0)
        {
            cut = Boundary().Matches(text).Where(m => m.Index >= 12 && m.Index <= limit).Select(m => m.Index).LastOrDefault();
        }

        if (cut > limit / 2)
        {
            return StopWordEnd().Replace(text[..cut].TrimEnd(',', ';', ':', ' '), string.Empty);
        }

        var words = text.Split(' ');
        var head = string.Empty;
        foreach (var word in words)
        {
            if ((head.Length + word.Length + 1) > limit)
            {
                break;
            }

            head = head.Length == 0 ? word : $"{head} {word}";
        }

        return StopWordEnd().Replace(head, string.Empty).TrimEnd(',', ';', ':');
    }

    [GeneratedRegex(@",\s+(?:while|whereas)\s+|\s+whereas\s+")]
    private static partial Regex Contrast();

    [GeneratedRegex(@",\s+(?:which|where|as|since|because|especially|particularly|depending|so that|thereby|thus|in favou?r of|in order to|rather than|[a-z]+ing\b(?=(?:(?!,\s+(?:and\s+)?[a-z]+ing\b)[^;])*$))\b[^;()]*$|\s+[—–]\s+[^;()]*$")]
    private static partial Regex TrailingClause();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"\s+which\s+(?:means|is|are|makes|allows)\b.*$")]
    private static partial Regex WhichMeans();

    [GeneratedRegex(@",\s+(?:and|but|so)\s+(?=(?:when|if|the|a|an|each|all|most|some|in|for|on|at|with|by|during|after|before|[A-Z])\b)")]
    private static partial Regex Joined();

    [GeneratedRegex(@",?\s+(?:e\.g\.|for example|for instance|such as|like)\s+[^;()]*$")]
    private static partial Regex LongExample();

    [GeneratedRegex(@"\s*(?:[,;:(]|\s[—–]\s|\s(?:which|that|to|by|with|for|using|because|so|when|where|while|and|or|such as|like|e\.g\.)\s)")]
    private static partial Regex Boundary();

    [GeneratedRegex(@"\s*(?:[,;:(]|\s[—–]\s)")]
    private static partial Regex StrongBoundary();

    [GeneratedRegex(@"(?:\s+(?:a|an|the|of|to|and|or|in|on|for|with|by|its|their|as|at|from|is|are|such|like|that|which))+$", RegexOptions.IgnoreCase)]
    private static partial Regex StopWordEnd();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
