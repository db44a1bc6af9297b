using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// The items one answer sentence splits into when the rubric has room, or must split into when it is too long: the
/// elements of a list whose lead only names the topic ("Disadvantages include…", 13; "The challenges … include…",
/// 51), of an instruction list with a shared verb ("Use open standards, open-source software, and abstractions", 188),
/// of participles trailing a whole statement ("…across multiple servers, optimizing resource use, maximizing
/// throughput…", 172); the halves of a statement joined by ";" (45); a statement and its ", allowing…" tail (2);
/// "Names A, B and C" for a first-person "I do X using A, B and C" (74). A list of examples ("such as", "like") stays
/// whole (168, 170). Checked on the answers of 8, 13, 24, 45, 49, 51, 57, 72, 74, 78, 79, 84, 128, 172, 188.
/// </summary>
internal static partial class SentenceParts
{
    /// <summary>
    /// A list worth splitting: three or more elements, a short lead ("Disadvantages include…", 13), and single words
    /// only after "include", "such as", "like" or a colon (not "…thread-safe, easier to reason about…", 28).
    /// </summary>
    public static bool Splittable(Bundle bundle) =>
        bundle.Elements.Count >= 3
        && (bundle.Trailing || ShortLead(bundle.Prefix) || TopicEnd().IsMatch(bundle.Prefix) || bundle.Prefix.TrimEnd().EndsWith(':') || LeadStatement(bundle) is not null)
        && (bundle.Elements.All(e => Bundles.Words(e) >= 2) || StrongEnd().IsMatch(bundle.Prefix))
        && !ExampleEnd().IsMatch(bundle.Prefix)
        && (bundle.Suffix.Length == 0 || !AnswerSentences.Clause().IsMatch(bundle.Suffix))
        && Elements(bundle);

    /// <summary>Elements that can stand as items: no pronoun start, no clause of their own, nothing vague.</summary>
    public static bool Elements(Bundle bundle) =>
        !(bundle.Elements.Skip(1).Any(e => Verbs.IsImperative(ItemText.UpperFirst(e))) && !Verbs.IsImperative(ItemText.UpperFirst(bundle.Elements[0])))
        && !bundle.Elements.Any(e => Vague().IsMatch(e) || PronounStart().IsMatch(e) || e.Contains("; ", StringComparison.Ordinal) || Finite().IsMatch(e));

    /// <summary>A lead of at most three words before its introducer ("Disadvantages include", "They would").</summary>
    private static bool ShortLead(string prefix) =>
        Bundles.Words(ListIntroducer().Replace(prefix, string.Empty)) <= 3;

    /// <summary>"I do X using A, B and C": what the sample answer names is the point, "Names A, B and C".</summary>
    public static string? NamedTools(string sentence)
    {
        var bundle = Bundles.Find(sentence);
        if (bundle is null || bundle.Elements.Count < 3 || bundle.Elements.Any(e => Bundles.Words(e) > 3 || FirstPerson.Contains(e))
            || !ToolIntroducer().IsMatch(bundle.Prefix) || bundle.Suffix.Length > 0)
        {
            return null;
        }

        var names = $"Names {string.Join(", ", bundle.Elements.SkipLast(1))} and {bundle.Elements[^1]}";
        return ItemText.IsUsable(names) ? names : null;
    }

    /// <summary>"…helps diagnose production issues and verify SLAs; correlate data across traces and metrics" (45): two items.</summary>
    public static IReadOnlyList<string>? SemicolonParts(string statement, string lead, string context)
    {
        var halves = Bundles.TopLevel(statement, ';').Where(h => h.Length > 0).ToList();
        if (halves.Count < 2 || halves.Any(h => h.Split(' ').Length < 3))
        {
            return null;
        }

        var parts = halves.Select(h => AnswerSentences.Compose(Verbs.IsImperative(ItemText.UpperFirst(h)) ? "Says to" : lead == "Says to" ? AnswerSentences.Says : lead, h, context)).ToList();
        return parts.All(ItemText.IsUsable) ? parts : null;
    }

    /// <summary>"WebSockets provide…, allowing for real-time communication" (2) → "Says WebSockets allow for real-time communication".</summary>
    public static IReadOnlyList<string>? ParticipleParts(string statement, string lead, string context)
    {
        var tail = TrailingParticiple().Match(statement);
        var subject = lead == AnswerSentences.Says ? Subjects.Of(statement) : null;
        if (subject is not null && (subject.Split(' ').Length > 4 || subject.Contains(" of ", StringComparison.Ordinal)))
        {
            return null;
        }

        if (!tail.Success || subject is null || Verbs.FromParticiple(tail.Groups["verb"].Value) is not { } finite)
        {
            return null;
        }

        var plural = subject.EndsWith('s') && !subject.EndsWith("ss", StringComparison.Ordinal);
        var verb = plural ? Plural(finite) : finite;
        var rest = tail.Groups["rest"].Value;
        if (tail.Groups["verb"].Value == "making" && rest.StartsWith("it ", StringComparison.Ordinal))
        {
            // "…and is stateless, making it more lightweight and scalable than SOAP" (153) → "REST is more lightweight…".
            verb = plural ? "are" : "is";
            rest = rest[3..];
        }

        foreach (Match more in AndParticiple().Matches(rest).Reverse())
        {
            // "…, improving performance and allowing for parallel processing" (49): both participles become verbs.
            if (Verbs.FromParticiple(more.Groups["verb"].Value) is not { } next)
            {
                return null;
            }

            rest = $"{rest[..more.Groups["verb"].Index]}{(plural ? Plural(next) : next)}{rest[(more.Groups["verb"].Index + more.Groups["verb"].Length)..]}";
        }

        var parts = new[]
        {
            AnswerSentences.Compose(AnswerSentences.Says, statement[..tail.Index], context),
            AnswerSentences.Compose(AnswerSentences.Says, $"{subject} {verb} {rest}", context),
        };
        return parts.All(ItemText.IsUsable) ? parts : null;
    }

    /// <summary>
    /// A long lead before "such as", "like", "using"… says something of its own: "The MVC architecture stands for
    /// Model-View-Controller, an architectural pattern that separates an application into three main logical
    /// components" (72). A lead before "include" or a colon only names the topic (128).
    /// </summary>
    private static string? LeadStatement(Bundle bundle)
    {
        if ((Bundles.Words(bundle.Prefix) <= 8 && !bundle.Prefix.TrimEnd().EndsWith(':')) || TopicEnd().IsMatch(bundle.Prefix))
        {
            return null;
        }

        var statement = ListIntroducer().Replace(bundle.Prefix, string.Empty).Trim().TrimEnd(',', ':');
        var minimum = bundle.Prefix.TrimEnd().EndsWith(':') ? 6 : 5;
        return ListIntroducer().IsMatch(bundle.Prefix) && Bundles.Words(statement) >= minimum && AnswerSentences.Clause().IsMatch(statement) ? statement : null;
    }

    private static string Plural(string finite) =>
        !finite.EndsWith('s') ? finite : PluralEs().IsMatch(finite) ? finite[..^2] : finite[..^1];

    /// <summary>The items a list in the sentence gives: "Mentions X" for things, "Says to X" for instructions.</summary>
    public static IReadOnlyList<string>? Parts(Bundle bundle, string lead, string context)
    {
        var statement = LeadStatement(bundle);
        var label = LabelPrefix().Match(bundle.Prefix);
        var first = bundle.Elements[0].Split(' ', 2);
        var shared = Verbs.IsImperative(ItemText.UpperFirst(bundle.Elements[0])) && first.Length == 2
            && bundle.Elements.Skip(1).All(e => !Verbs.IsImperative(ItemText.UpperFirst(e)))
            ? first[0].ToLowerInvariant() : null;
        var elements = shared is null ? bundle.Elements : [first[1], .. bundle.Elements.Skip(1)];
        var parts = elements.Select(e => label.Success
            ? $"{KeyPoints.Singular(label.Groups["label"].Value)}: {ItemText.LowerFirst(e, context)}"
            : shared is not null ? AnswerSentences.Compose("Says to", $"{shared} {e}", context)
            : Verbs.IsImperative(ItemText.UpperFirst(e)) ? AnswerSentences.Compose("Says to", e, context) : AnswerSentences.Compose("Mentions", e, context)).ToList();
        if (statement is not null || bundle.Trailing)
        {
            // "The purpose of load balancing is to distribute traffic…, optimizing resource use, maximizing…" (172).
            parts.Insert(0, AnswerSentences.Compose(lead == "Says to" ? lead : AnswerSentences.Says, statement ?? bundle.Prefix.TrimEnd(',', ' '), context));
        }

        if (parts.Count > Selection.Max && statement is null && !label.Success)
        {
            // Seven strategies (79): two to an item, so the rubric keeps them all.
            var verb = parts[0].StartsWith("Says to ", StringComparison.Ordinal) ? "Says to" : "Mentions";
            parts = [.. bundle.Elements.Chunk(2).Select(pair => AnswerSentences.Compose(verb, string.Join(", and ", pair), context))];
        }

        return parts.All(ItemText.IsUsable) ? parts : null;
    }

    // An element with its own finite verb is a clause, not a list element ("sharding is used when…", 49).
    [GeneratedRegex(@"\b(?:is|are|was|were|can|could|will|would|should|must|has|have)\b")]
    private static partial Regex Finite();

    [GeneratedRegex(@"^(?:it|its|they|their|them|this|these|that|those)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounStart();

    [GeneratedRegex(@"^(?:any other|others?|etc\.?|and so on|more)$", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();

    [GeneratedRegex(@",\s+(?<verb>[a-z]+ing)\s+(?<rest>[^;]+)$")]
    private static partial Regex TrailingParticiple();

    [GeneratedRegex(@"^(?<label>[A-Z][\w\s-]{1,30}?)\s*:$")]
    private static partial Regex LabelPrefix();

    [GeneratedRegex(@"(?:\b(?:include|includes|including)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StrongEnd();

    [GeneratedRegex(@"(?:ss|sh|ch|x|z|o)es$")]
    private static partial Regex PluralEs();

    [GeneratedRegex(@"\band\s+(?<verb>[a-z]+ing)\b")]
    private static partial Regex AndParticiple();

    [GeneratedRegex(@"(?:,?\s*\b(?:such as|like|e\.g\.|including|using|with|via|through|by)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListIntroducer();

    [GeneratedRegex(@"\b(?:such as|like|e\.g\.|for example)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleEnd();

    [GeneratedRegex(@"\b(?:using|with|such as|like|including|via)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ToolIntroducer();

    [GeneratedRegex(@"\b(?:include|includes|are|is|involves|involve)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicEnd();
}
