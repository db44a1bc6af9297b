using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics;

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
            if (index == 0 || StrongIntroducer().IsMatch(Unbracketed(segment)) || Subject().IsMatch(Unbracketed(segment))
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
        var (prefix, head, clear) = SplitBoundary(string.Join(", ", segments.Take(index)), segments[index], elements);
        if (head.Length == 0)
        {
            var trailing = MergeAdjectives(elements);
            return trailing.Count >= 3 ? new Bundle(prefix, trailing, suffix, clear) { Trailing = true } : null;
        }

        elements.Insert(0, head);
        var cleaned = MergeAdjectives(elements);
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

    /// <summary>The words of a segment, a bracketed group kept with the word before it ("curve (e.g. rebase vs merge)").</summary>
    private static string[] Tokens(string segment)
    {
        var tokens = new List<string>();
        var depth = 0;
        foreach (var word in segment.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if ((depth > 0 || word.StartsWith('(')) && tokens.Count > 0)
            {
                tokens[^1] += " " + word;
            }
            else
            {
                tokens.Add(word);
            }

            depth += word.Count(c => c == '(') - word.Count(c => c == ')');
        }

        return [.. tokens];
    }

    /// <summary>The text with what is inside brackets blanked out (same length), so "(e.g. …)" hides its words.</summary>
    private static string Unbracketed(string text)
    {
        var chars = text.ToCharArray();
        var depth = 0;
        for (var i = 0; i < chars.Length; i++)
        {
            depth += chars[i] == '(' ? 1 : 0;
            var inside = depth > 0;
            depth -= chars[i] == ')' && depth > 0 ? 1 : 0;
            chars[i] = inside ? ' ' : chars[i];
        }

        return new string(chars);
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

    /// <summary>
    /// The first element: the whole segment when it has the shape of the others ("logging errors, using…", 71),
    /// what follows the subject of a list of verbs ("I'd implement…, use…, and consider…", 40), what follows
    /// "include", "such as"… (13, 10), or as many of the segment's last words as the shortest element has (38).
    /// </summary>
    private static (string Prefix, string Head, bool Clear) SplitBoundary(string before, string segment, List<string> elements)
    {
        var join = before.Length > 0 ? before + ", " : string.Empty;
        var longest = elements.Max(Words);
        var flat = Unbracketed(segment);
        (string, string, bool) At(Match m, bool clear) =>
            (join + segment[..(m.Index + m.Length)].Trim(), segment[(m.Index + m.Length)..].Trim(), clear);

        if ((Gerund().IsMatch(segment) && elements.Any(e => Gerund().IsMatch(e)) && !Involves().IsMatch(flat))
            || (Verbs.IsImperative(ItemText.UpperFirst(segment)) && elements.Any(e => Verbs.IsImperative(ItemText.UpperFirst(e)))))
        {
            return (join.TrimEnd(' ', ','), segment, true);
        }

        var subject = Subject().Match(flat);
        if (subject.Success && elements.All(e => Verbs.IsImperative(ItemText.UpperFirst(e))))
        {
            return At(subject, true);
        }

        if (elements.All(e => ThirdPersonVerb().IsMatch(e)) && SubjectThenVerb().Match(segment) is { Success: true } verb)
        {
            // "how a hash table stores key-value pairs, uses a hash function…, and handles collisions" (144).
            return (join + segment[..verb.Groups["subject"].Length].Trim(), segment[verb.Groups["subject"].Length..].Trim(), true);
        }

        var strong = StrongIntroducer().Matches(flat).LastOrDefault();
        if (strong is not null && Words(segment[(strong.Index + strong.Length)..]) <= (2 * longest) + 1)
        {
            return At(strong, true);
        }

        var gerunds = elements.All(e => Gerund().IsMatch(e));
        var weak = WeakIntroducer().Matches(flat).Reverse()
            .FirstOrDefault(m => !gerunds || Gerund().IsMatch(segment[(m.Index + m.Length)..]));
        if (weak is not null && Words(segment[..weak.Index]) < 3)
        {
            weak = null;
        }

        if (gerunds && weak is null && !Gerund().IsMatch(segment) && Words(segment) >= 6 && Verbs.IsImperative(ItemText.UpperFirst(segment)) is false
            && FiniteVerb().IsMatch(flat))
        {
            // A whole statement, then participles: the participles are the list (172).
            return (join + segment, string.Empty, true);
        }

        if (before.Length == 0 && Words(segment) <= Math.Min(4, longest + 1) && strong is null)
        {
            // "the event loop, callbacks, promises…" (123): a short first segment is the first element.
            return (string.Empty, LeadingPreposition().Replace(segment, string.Empty), true);
        }

        if (weak is not null && (Words(segment[(weak.Index + weak.Length)..]) <= longest + 1 || (gerunds && Gerund().IsMatch(segment[(weak.Index + weak.Length)..]))))
        {
            return At(weak, Words(segment[(weak.Index + weak.Length)..]) <= 3 || gerunds);
        }

        var words = Tokens(segment);
        var take = Math.Min(words.Length, Math.Max(1, elements.Min(Words)));
        var head = LeadingPreposition().Replace(string.Join(' ', words[^take..]), string.Empty);
        var uniform = (take == words.Length || elements.All(e => Words(e) <= 3 && Math.Abs(Words(e) - take) <= 1))
            && !elements.Prepend(head).Any(e => VerbStart().IsMatch(e));
        return (join + string.Join(' ', words[..^take]), head, uniform);
    }

    /// <summary>"fostering an open" + "supportive environment" is one element: "fostering an open, supportive environment".</summary>
    private static List<string> MergeAdjectives(List<string> elements)
    {
        for (var i = elements.Count - 2; i >= 0; i--)
        {
            if (DanglingAdjective().IsMatch(elements[i]) && Words(elements[i + 1]) <= 3 && !Gerund().IsMatch(elements[i + 1])
                && !Determiner().IsMatch(elements[i + 1]))
            {
                elements[i] = $"{elements[i]}, {elements[i + 1]}";
                elements.RemoveAt(i + 1);
            }
        }

        return elements;
    }

    [GeneratedRegex(@"^(?:and|or|as well as)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex Conjunction();

    [GeneratedRegex(@"(?:\b(?:include|includes|including|such as|like|e\.g\.|namely|mention|mentions|discuss|discusses|covering|covers|consider|considers|following|involves|requires)|:)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex StrongIntroducer();

    [GeneratedRegex(@"\b(?:using|use|uses|via|with|by|of|through|for)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex WeakIntroducer();

    [GeneratedRegex(@"^(?:uses|handles|stores|returns|creates|sends|reads|writes|checks|runs|keeps|allows|provides|supports|manages|maps|computes|resolves|avoids|reduces|ensures|makes|gives|takes|needs|requires|[a-z]+(?:es|[^s\W]s))\b")]
    private static partial Regex ThirdPersonVerb();

    // A subject of two or more words, then its verb: "how a hash table | stores key-value pairs".
    [GeneratedRegex(@"^(?<subject>(?:how|what|why|when|where)?\s*(?:a|an|the|each|every)\s+(?:[\w-]+\s+){0,3}?[\w-]+\s+)(?=[a-z]+s\b)")]
    private static partial Regex SubjectThenVerb();

    [GeneratedRegex(@"^(?:\w+ing|[\w-]+-setting)\b")]
    private static partial Regex Gerund();

    // A subject or modal before a list of verbs: "I'd implement…, use…", "they should validate…".
    [GeneratedRegex(@"\b(?:(?:I|[Ww]e|[Tt]hey|[Yy]ou)(?:'d|'ll)?(?:\s+(?:would|will|should|can|could|must))?|would|will|should|can|could|must)\s+(?:\w+ly\s+)?(?:also\s+)?")]
    private static partial Regex Subject();

    [GeneratedRegex(@"\b(?:is|are|was|were|can|will|does|do|has|have|[a-z]+(?:[^s\W]s|es))\b")]
    private static partial Regex FiniteVerb();

    [GeneratedRegex(@"\b(?:involves|requires|includes|means)\s+\w+ing\b")]
    private static partial Regex Involves();

    [GeneratedRegex(@"^(?:to|of|for|in|on|with|by|from|and|or)\s+")]
    private static partial Regex LeadingPreposition();

    [GeneratedRegex(@"^(?:has|have|is|are|was|were|can|will|may|[a-z]+[^s\W]s)\b")]
    private static partial Regex VerbStart();

    [GeneratedRegex(@"^(?:a|an|the|their|its|some|all|each)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Determiner();

    [GeneratedRegex(@"\b(?:an?|the)\s+\w+$", RegexOptions.IgnoreCase)]
    private static partial Regex DanglingAdjective();
}
