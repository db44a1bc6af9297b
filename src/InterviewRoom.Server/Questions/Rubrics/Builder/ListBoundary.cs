using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Where a list found by <see cref="Bundles"/> starts inside its first segment: the whole segment when it has the
/// shape of the other elements ("logging errors, using try-catch blocks…", 71), after the subject of a list of verbs
/// ("they would automate…, improve…, and organize…", 24), after "how a hash table" for verbs in -s (144), after
/// "include", "such as"… (13, 10), after "by"/"using" before gerunds (84), or as many of the segment's last words as
/// the shortest element has (38); or nowhere, when the elements are participles after a whole statement (172).
/// Brackets count as part of the word before them ("steeper learning curve (e.g. rebase vs merge)", 56).
/// </summary>
internal static partial class ListBoundary
{
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
    public static string Unbracketed(string text)
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

    /// <summary>
    /// The first element: the whole segment when it has the shape of the others ("logging errors, using…", 71),
    /// what follows the subject of a list of verbs ("I'd implement…, use…, and consider…", 40), what follows
    /// "include", "such as"… (13, 10), or as many of the segment's last words as the shortest element has (38).
    /// </summary>
    public static (string Prefix, string Head, bool Clear) SplitBoundary(string before, string segment, List<string> elements)
    {
        var join = before.Length > 0 ? before + ", " : string.Empty;
        var longest = elements.Max(Bundles.Words);
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
        if (strong is not null && Bundles.Words(segment[(strong.Index + strong.Length)..]) <= (2 * longest) + 1)
        {
            return At(strong, true);
        }

        var gerunds = elements.All(e => Gerund().IsMatch(e));
        var weak = WeakIntroducer().Matches(flat).Reverse()
            .FirstOrDefault(m => !gerunds || Gerund().IsMatch(segment[(m.Index + m.Length)..]));
        if (weak is not null && Bundles.Words(segment[..weak.Index]) < 3)
        {
            weak = null;
        }

        if (gerunds && weak is null && !Gerund().IsMatch(segment) && Bundles.Words(segment) >= 6 && Verbs.IsImperative(ItemText.UpperFirst(segment)) is false
            && FiniteVerb().IsMatch(flat))
        {
            // A whole statement, then participles: the participles are the list (172).
            return (join + segment, string.Empty, true);
        }

        if (before.Length == 0 && Bundles.Words(segment) <= Math.Min(4, longest + 1) && strong is null)
        {
            // "the event loop, callbacks, promises…" (123): a short first segment is the first element.
            return (string.Empty, LeadingPreposition().Replace(segment, string.Empty), true);
        }

        if (weak is not null && (Bundles.Words(segment[(weak.Index + weak.Length)..]) <= longest + 1 || (gerunds && Gerund().IsMatch(segment[(weak.Index + weak.Length)..]))))
        {
            return At(weak, Bundles.Words(segment[(weak.Index + weak.Length)..]) <= 3 || gerunds);
        }

        var words = Tokens(segment);
        var take = Math.Min(words.Length, Math.Max(1, elements.Min(Bundles.Words)));
        var head = LeadingPreposition().Replace(string.Join(' ', words[^take..]), string.Empty);
        var uniform = (take == words.Length || elements.All(e => Bundles.Words(e) <= 3 && Math.Abs(Bundles.Words(e) - take) <= 1))
            && !elements.Prepend(head).Any(e => VerbStart().IsMatch(e));
        return (join + string.Join(' ', words[..^take]), head, uniform);
    }

    /// <summary>"fostering an open" + "supportive environment" is one element: "fostering an open, supportive environment".</summary>
    public static List<string> MergeAdjectives(List<string> elements)
    {
        for (var i = elements.Count - 2; i >= 0; i--)
        {
            if (DanglingAdjective().IsMatch(elements[i]) && Bundles.Words(elements[i + 1]) <= 3 && !Gerund().IsMatch(elements[i + 1])
                && !VerbStart().IsMatch(elements[i + 1])
                && !Determiner().IsMatch(elements[i + 1]))
            {
                elements[i] = $"{elements[i]}, {elements[i + 1]}";
                elements.RemoveAt(i + 1);
            }
        }

        return elements;
    }

    [GeneratedRegex(@"(?:\b(?:include|includes|including|such as|like|e\.g\.|namely|mention|mentions|discuss|discusses|covering|covers|consider|considers|following|involves|requires)|:)\s+", RegexOptions.IgnoreCase)]
    internal static partial Regex StrongIntroducer();

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
    internal static partial Regex Subject();

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
