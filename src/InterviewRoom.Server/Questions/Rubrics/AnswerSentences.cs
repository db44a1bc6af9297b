using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// One prose sentence of a reference answer as an item: "Says …" for a statement, "Says to …" for an instruction
/// ("Compute hashes…", 93), first person turned into the third ("In Node.js, they handle…", 74), generic "you" into
/// "they" (47), dangling openings resolved or the sentence dropped (<see cref="Subjects"/>), filler dropped ("Error
/// handling and logging are crucial aspects of backend development", 25), "For example, …" kept as an example, a
/// first-person anecdote ("At a previous company, I designed…", 42) kept last. A list in the sentence gives the
/// parts the item splits into when there is room ("Mentions increased client-side complexity", 13).
/// </summary>
internal static partial class AnswerSentences
{
    private const string Says = "Says";

    /// <summary>The drafts of one sentence (several when it is too long for one item); empty when it is dropped.</summary>
    public static IReadOnlyList<Draft> Phrase(string sentence, AnswerState state)
    {
        var text = ItemText.Tidy(sentence);
        if (text.Split(' ').Length < 3 || Filler().IsMatch(text) || text.EndsWith('?') || Coaching().IsMatch(Subjects.StripConnective(text)))
        {
            state.Remember(text);
            return [];
        }

        var resolved = Subjects.Resolve(text, state.Subject);
        if (resolved is null)
        {
            return [];
        }

        state.Remember(resolved);
        var role = DraftRole.Content;
        var example = Example().Match(resolved);
        if (example.Success)
        {
            resolved = ItemText.UpperFirst(resolved[example.Length..]);
            role = DraftRole.Example;
        }

        resolved = AllowsWe().Replace(resolved, "$1 developers to ");
        if (FirstPerson.Contains(resolved))
        {
            role = FirstPerson.IsPastNarrative(resolved) || Anecdote().IsMatch(resolved) ? DraftRole.Example : role;
            resolved = FirstPerson.ToThirdPerson(resolved);
        }

        resolved = FirstPerson.SecondToThird(GenericWe().Replace(resolved, string.Empty));
        var lead = example.Success ? "Gives an example:" : Verbs.IsImperative(resolved) ? "Says to" : Clause().IsMatch(resolved) ? Says : "Mentions";
        return Drafts(resolved, lead, role, state);
    }

    private static IReadOnlyList<Draft> Drafts(string statement, string lead, DraftRole role, AnswerState state)
    {
        var limit = ItemText.MaxLength - lead.Length - 1;
        var bundle = Bundles.Find(statement);
        var parts = bundle is { Clear: true } && Splittable(bundle) ? Parts(bundle, lead, state.Context) : ParticipleParts(statement, lead, state.Context);
        if (parts is not null && parts.Count > Selection.Max)
        {
            parts = null;
        }

        var pieces = Clauses.Fit(statement, limit);
        if (pieces.Count == 0)
        {
            return parts is null ? [] : [.. parts.Select(p => state.Draft(p, role))];
        }

        var drafts = pieces.Select(p => state.Draft(Compose(lead, p, state.Context), role)).ToList();
        if (drafts.Count == 1 && parts is not null)
        {
            drafts[0] = drafts[0] with { Parts = parts };
        }

        return drafts;
    }

    /// <summary>
    /// A list worth splitting: three or more elements, a short lead ("Disadvantages include…", 13), and single words
    /// only after "include", "such as", "like" or a colon (not "…thread-safe, easier to reason about…", 28).
    /// </summary>
    private static bool Splittable(Bundle bundle) =>
        bundle.Elements.Count >= 3
        && (Bundles.Words(bundle.Prefix) <= 8 || TopicEnd().IsMatch(bundle.Prefix) || LeadStatement(bundle) is not null)
        && (bundle.Elements.All(e => Bundles.Words(e) >= 2) || StrongEnd().IsMatch(bundle.Prefix))
        && !bundle.Elements.Any(e => Vague().IsMatch(e) || PronounStart().IsMatch(e));

    /// <summary>"WebSockets provide…, allowing for real-time communication" (2) → "Says WebSockets allow for real-time communication".</summary>
    private static IReadOnlyList<string>? ParticipleParts(string statement, string lead, string context)
    {
        var tail = TrailingParticiple().Match(statement);
        var subject = lead == Says ? Subjects.Of(statement) : null;
        if (!tail.Success || subject is null || Verbs.FromParticiple(tail.Groups["verb"].Value) is not { } finite)
        {
            return null;
        }

        var plural = subject.EndsWith('s') && !subject.EndsWith("ss", StringComparison.Ordinal);
        var verb = plural && finite.EndsWith('s') ? finite[..^(finite.EndsWith("es", StringComparison.Ordinal) && !finite.EndsWith("ses", StringComparison.Ordinal) && !finite.EndsWith("ves", StringComparison.Ordinal) && !finite.EndsWith("des", StringComparison.Ordinal) && !finite.EndsWith("res", StringComparison.Ordinal) ? 2 : 1)] : finite;
        var parts = new[]
        {
            Compose(Says, statement[..tail.Index], context),
            Compose(Says, $"{subject} {verb} {tail.Groups["rest"].Value}", context),
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
        if (Bundles.Words(bundle.Prefix) <= 8 || TopicEnd().IsMatch(bundle.Prefix))
        {
            return null;
        }

        var statement = ListIntroducer().Replace(bundle.Prefix, string.Empty).Trim().TrimEnd(',', ':');
        return ListIntroducer().IsMatch(bundle.Prefix) && Bundles.Words(statement) >= 5 && Clause().IsMatch(statement) ? statement : null;
    }

    /// <summary>The items a list in the sentence gives: "Mentions X" for things, "Says to X" for instructions.</summary>
    private static IReadOnlyList<string>? Parts(Bundle bundle, string lead, string context)
    {
        var statement = LeadStatement(bundle);
        var imperative = lead == "Says to" && bundle.Prefix.Length == 0;
        var label = LabelPrefix().Match(bundle.Prefix);
        var parts = bundle.Elements.Select(e => label.Success
            ? $"{KeyPoints.Singular(label.Groups["label"].Value)}: {ItemText.LowerFirst(e, context)}"
            : imperative || Verbs.IsImperative(ItemText.UpperFirst(e)) ? Compose("Says to", e, context) : Compose("Mentions", e, context)).ToList();
        if (statement is not null)
        {
            parts.Insert(0, Compose(lead == "Says to" ? lead : Says, statement, context));
        }

        return parts.All(ItemText.IsUsable) ? parts : null;
    }

    public static string Compose(string lead, string statement, string context)
    {
        var text = ItemText.Tidy(statement);
        return lead == "Says to" ? $"{lead} {char.ToLowerInvariant(text[0])}{text[1..]}" : ItemText.WithVerb(lead, text, context);
    }

    [GeneratedRegex(
        @"\b(?:is|are)\s+(?:(?:a|an)\s+)?(?:crucial|essential|fundamental|important|vital|critical|key|powerful)\s+(?:aspects?|parts?|tools?|skills?)\b"
        + @"|\b(?:is|are)\s+(?:crucial|essential|fundamental|important|vital|critical)\s+(?:for|to)\s+(?:the\s+)?(?:backend|any|maintaining|a successful|successful|speed|developers?|the speed)\b"
        + @"|\bis crucial too\b|\bskills are (?:necessary|needed|required)\b|\bmulti-faceted\b|\bmost backend developers should\b"
        + @"|^There (?:are|is) (?:several|many|a few|various|different|multiple) \w+$",
        RegexOptions.IgnoreCase)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^(?:For example|For instance|E\.g\.|Example|As an example)\b[,:]?\s+(?=\S)", RegexOptions.IgnoreCase)]
    private static partial Regex Example();

    [GeneratedRegex(@"\b(?:at (?:a|my|our) (?:previous|former|last|recent) (?:company|role|job)|in a recent|at my previous|in my previous)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Anecdote();

    // "Let's say We have…" (46) is an aside, not a point.
    [GeneratedRegex(@"^Let's say\s+", RegexOptions.IgnoreCase)]
    private static partial Regex GenericWe();

    // "a method that allows We can create a new function…" (163) → "…that allows developers to create…".
    [GeneratedRegex(@"\b(allows?|lets?|enables?)\s+(?:we|you|us)\s+(?:can\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex AllowsWe();

    // A statement has a verb; "Easy deployment and integration, similar to web applications" (36) does not.
    [GeneratedRegex(
        @"\b(?:is|are|was|were|be|been|being|can|could|will|would|should|must|may|might|has|have|had|does|do|did|'s|'re|'ve|'d|"
        + @"provides?|allows?|uses|helps?|ensures?|means|requires?|involves?|makes?|takes?|gives?|runs?|stores?|reduces?|improves?|"
        + @"prevents?|handles?|supports?|enables?|lets|offers?|occurs?|works?|separates?|sits|acts|reacts|focuses|needs?|depends?|"
        + @"guarantees?|creates?|leads?|causes?|extends?|isolates?|explores?|tracks?|restricts?|prioritizes?|applies|manages?|[a-z]+ed)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    // "Then dive into implementation details:" (15) tells the candidate how to answer.
    [GeneratedRegex(@"^(?:Compare|Dive|Discuss|Talk about|Walk through|Start with|Begin with)\b")]
    private static partial Regex Coaching();

    [GeneratedRegex(@"(?:\b(?:include|includes|are|is)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicEnd();

    [GeneratedRegex(@"(?:,?\s*\b(?:such as|like|e\.g\.|including|using|with|via|through|by)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListIntroducer();

    [GeneratedRegex(@"(?:\b(?:include|includes|including|such as|like|e\.g\.|are)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StrongEnd();

    [GeneratedRegex(@"^(?:it|its|they|their|them|this|these|that|those)\b", RegexOptions.IgnoreCase)]
    private static partial Regex PronounStart();

    [GeneratedRegex(@"^(?:any other|others?|etc\.?|and so on|more)$", RegexOptions.IgnoreCase)]
    private static partial Regex Vague();

    [GeneratedRegex(@",\s+(?<verb>[a-z]+ing)\s+(?<rest>[^,;]+)$")]
    private static partial Regex TrailingParticiple();

    [GeneratedRegex(@"^(?<label>[A-Z][\w\s-]{1,30}?)\s*:$")]
    private static partial Regex LabelPrefix();
}

/// <summary>What the answer's earlier sentences tell a later one: the last plain subject, the text for casing.</summary>
internal sealed class AnswerState(string context, string source)
{
    public string Context { get; } = context;

    public string? Subject { get; private set; }

    public int Group { get; set; }

    public void Remember(string sentence) => Subject = Subjects.Of(sentence) ?? Subject;

    public Draft Draft(string text, DraftRole role) =>
        new(ItemText.UpperFirst(ItemText.Tidy(text)), source, null, role) { Group = Group };
}
