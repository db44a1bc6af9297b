using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// A list found in a sentence: what comes before it, its elements, and what follows it. <see cref="Clear"/> says
/// the start of the list is certain (after "include", "such as"…, at the start of the text, or elements of one
/// shape), not guessed from the length of the other elements.
/// </summary>
internal sealed record Bundle(string Prefix, IReadOnlyList<string> Elements, string Suffix, bool Clear)
{
    /// <summary>The elements trail a whole statement, the prefix ("…across multiple servers, optimizing…, maximizing…").</summary>
    public bool Trailing { get; init; }
}

/// <summary>
/// Finds "X, Y, and Z" inside a sentence so each element can be an item of its own ("Listen for answers that mention
/// indexing, query restructuring, or analyzing the execution plan", 133). Commas inside brackets and quotes do not
/// count ("sorting (e.g., quick sort, merge sort)", 10); the list starts after "include", "such as", "like"…, or,
/// without such a word, where the first element is as long as the others ("…to track application health, resource
/// usage, response times, and error rates", 38); an earlier "and" opens a list inside the last element ("and writing
/// unit, integration, and functional tests", 198); "an open, supportive environment" is one element (151).
/// Checked on the guidance of 10, 12, 71, 91, 106, 110, 113, 115, 122, 123, 130, 133, 151, 173, 182, 198 and the
/// answers of 13, 38, 51, 74, 79.
/// </summary>
internal static partial class Bundles
{
    public static Bundle? Find(string text)
    {
        var segments = TopLevel(text, ',').ToList();
        if (segments.Count < 2)
        {
            return null;
        }

        var last = segments.FindLastIndex(s => Conjunction().IsMatch(s));
        var oxford = last > 0;
        if (!oxford)
        {
            // "callbacks, promises and async/await syntax": the last segment holds the last two elements.
            var pair = SplitPair(segments[^1], minimumWords: 1);
            if (pair is null || segments.Count < 2)
            {
                return null;
            }

            segments[^1] = pair[0];
            segments.Add("and " + pair[1]);
            last = segments.Count - 1;
        }

        var first = segments.FindIndex(s => Conjunction().IsMatch(s));
        if (first >= 0 && first < last)
        {
            // An earlier "and" starts a list inside the last element (198).
            segments[first] = string.Join(", ", segments.Skip(first).Take(last - first + 1));
            segments.RemoveRange(first + 1, last - first);
            last = first;
        }

        var suffix = string.Join(", ", segments.Skip(last + 1));
        var elements = new List<string> { segments[last] };
        var index = last - 1;
        for (; index >= 0; index--)
        {
            var segment = segments[index];
            if (index == 0 || ListBoundary.StrongIntroducer().IsMatch(ListBoundary.Unbracketed(segment)) || ListBoundary.Subject().IsMatch(ListBoundary.Unbracketed(segment))
                || Words(segment) > Math.Max(8, (2 * elements.Max(Words)) + 1))
            {
                break;
            }

            elements.Insert(0, segment);
        }

        if (index < 0)
        {
            return null;
        }

        elements = [.. elements.Select(e => Conjunction().Replace(e, string.Empty).Trim())];
        var (prefix, head, clear) = ListBoundary.SplitBoundary(string.Join(", ", segments.Take(index)), segments[index], elements);
        if (head.Length == 0)
        {
            var trailing = ListBoundary.MergeAdjectives(elements);
            return trailing.Count >= 3 ? new Bundle(prefix, trailing, suffix, clear) { Trailing = true } : null;
        }

        elements.Insert(0, head);
        var cleaned = ListBoundary.MergeAdjectives(elements);
        return cleaned.Count >= 3 || (cleaned.Count == 2 && oxford) ? new Bundle(prefix, cleaned, suffix, clear) : null;
    }

    /// <summary>"non-blocking I/O operations and real-time applications" → two parts, each of at least two words.</summary>
    public static IReadOnlyList<string>? SplitPair(string text, int minimumWords = 2, bool andOnly = false)
    {
        var parts = TopLevelWord(text, " and ").ToList();
        if (parts.Count != 2 && !andOnly)
        {
            parts = TopLevelWord(text, " or ").ToList();
        }

        return parts.Count == 2 && parts.All(p => Words(p) >= minimumWords) && !text.Contains(',', StringComparison.Ordinal)
            ? parts
            : null;
    }

    /// <summary>Splits at a separator outside brackets and double quotes.</summary>
    public static IEnumerable<string> TopLevel(string text, char separator)
    {
        var depth = 0;
        var quoted = false;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            depth += c is '(' or '[' ? 1 : c is ')' or ']' ? -1 : 0;
            quoted ^= c is '"';
            quoted = c is '“' || (quoted && c is not '”');
            if (c == separator && depth == 0 && !quoted && (i + 1 == text.Length || text[i + 1] == ' '))
            {
                yield return text[start..i].Trim();
                start = i + 1;
            }
        }

        yield return text[start..].Trim();
    }

    public static int Words(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static IEnumerable<string> TopLevelWord(string text, string separator)
    {
        var pieces = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            depth += text[i] is '(' or '[' ? 1 : text[i] is ')' or ']' ? -1 : 0;
            if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                pieces.Add(text[start..i].Trim());
                start = i + separator.Length;
            }
        }

        pieces.Add(text[start..].Trim());
        return pieces;
    }

    [GeneratedRegex(@"^(?:and|or|as well as)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

}
