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
    public static IReadOnlyList<Draft> Phrase(string sentence, AnswerState state, bool element = false)
    {
        if (sentence.TrimEnd().EndsWith(':'))
        {
            // "For a query to be considered covered the following conditions must be met:" (46) announces a list;
            // "It says that…, you can only guarantee two out of the following three:" (194) says something too.
            if (sentence.Split(' ').Length <= 8 || AnnouncesOnly().IsMatch(sentence))
            {
                return [];
            }

            sentence = TheFollowing().Replace(sentence, "these");
        }

        var text = RememberThat().Replace(ItemText.Tidy(sentence), string.Empty);
        var continued = state.Continuation is { } subject && ContinuedVerb().IsMatch(text);
        if (continued)
        {
            // "Optimistic locking is a strategy that: Assumes… Allows for concurrent data access." (99)
            text = $"{state.Continuation} {char.ToLowerInvariant(text[0])}{text[1..]}";
        }
        else
        {
            state.Continuation = null;
        }

        text = OneMust().Replace(text, "$1");
        if (text.Split(' ').Length <= 3 || Filler().IsMatch(text) || text.EndsWith('?') || Coaching().IsMatch(Subjects.StripConnective(text)))
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
        if (continued || (state.Continuation is not null && resolved.StartsWith(state.Continuation, StringComparison.Ordinal)))
        {
            state.Keep(state.Continuation!);
        }

        var role = DraftRole.Content;
        var example = Example().Match(resolved);
        if (example.Success)
        {
            resolved = ItemText.UpperFirst(resolved[example.Length..]);
            role = DraftRole.Example;
        }

        resolved = AllowsWe().Replace(ItSays().Replace(resolved, string.Empty), "$1 developers to ");
        resolved = ItemText.UpperFirst(resolved);
        if (FirstPerson.Contains(resolved))
        {
            role = FirstPerson.IsPastNarrative(resolved) || Anecdote().IsMatch(resolved) ? DraftRole.Example : role;
            if (role == DraftRole.Content && NamedTools(resolved) is { } named)
            {
                // "In Node.js, I handle asynchronous operations using callbacks, promises, and async/await syntax" (74).
                return [state.Draft(named, role)];
            }

            resolved = FirstPerson.ToThirdPerson(resolved);
            if (Understand().Match(resolved) is { Success: true } mind)
            {
                // "I understand the benefits of…" (199) → "Explains the benefits of…"; "I am familiar with X" → "Names X".
                var verb = mind.Groups["verb"].Value switch { "understand" or "know" => "Explains", "have experience" => "Describes experience", _ => "Names" };
                return Drafts(resolved[mind.Length..], verb, role, state);
            }
        }

        resolved = FirstPerson.SecondToThird(GenericWe().Replace(resolved, string.Empty));
        var lead = example.Success ? "Gives an example:" : Verbs.IsImperative(resolved) ? "Says to"
            : !element || Clause().IsMatch(Brackets().Replace(resolved, string.Empty)) || VerbSecond().IsMatch(resolved) ? Says : "Mentions";
        return Drafts(resolved, lead, role, state);
    }

    private static IReadOnlyList<Draft> Drafts(string statement, string lead, DraftRole role, AnswerState state)
    {
        var limit = ItemText.MaxLength - lead.Length - 1;
        var bundle = Bundles.Find(statement);
        var parts = bundle is { Clear: true } && Splittable(bundle) ? Parts(bundle, lead, state.Context) : ParticipleParts(statement, lead, state.Context);
        if (parts is not null && parts.Count > Selection.Max)
        {
            parts = [.. parts.Take(Selection.Max)];
        }

        parts ??= SemicolonParts(statement, lead, state.Context);
        var pieces = Clauses.Fit(statement, limit);
        if (pieces.Count == 0 && parts is null && bundle is { Clear: true } && bundle.Elements.Count >= 3 && Elements(bundle))
        {
            // Too long for one item and no shorter form: the list's elements are the items.
            parts = Parts(bundle, lead, state.Context);
        }

        if (pieces.Count != 1 && parts is not null)
        {
            return [.. parts.Select(p => state.Draft(p, role))];
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
        && (bundle.Trailing || ShortLead(bundle.Prefix) || TopicEnd().IsMatch(bundle.Prefix) || bundle.Prefix.TrimEnd().EndsWith(':') || LeadStatement(bundle) is not null)
        && (bundle.Elements.All(e => Bundles.Words(e) >= 2) || StrongEnd().IsMatch(bundle.Prefix))
        && !ExampleEnd().IsMatch(bundle.Prefix)
        && (bundle.Suffix.Length == 0 || !Clause().IsMatch(bundle.Suffix))
        && Elements(bundle);

    /// <summary>Elements that can stand as items: no pronoun start, no clause of their own, nothing vague.</summary>
    private static bool Elements(Bundle bundle) =>
        !(bundle.Elements.Skip(1).Any(e => Verbs.IsImperative(ItemText.UpperFirst(e))) && !Verbs.IsImperative(ItemText.UpperFirst(bundle.Elements[0])))
        && !bundle.Elements.Any(e => Vague().IsMatch(e) || PronounStart().IsMatch(e) || e.Contains("; ", StringComparison.Ordinal) || Finite().IsMatch(e));

    /// <summary>A lead of at most three words before its introducer ("Disadvantages include", "They would").</summary>
    private static bool ShortLead(string prefix) =>
        Bundles.Words(ListIntroducer().Replace(prefix, string.Empty)) <= 3;

    /// <summary>"I do X using A, B and C": what the sample answer names is the point, "Names A, B and C".</summary>
    private static string? NamedTools(string sentence)
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
    private static IReadOnlyList<string>? SemicolonParts(string statement, string lead, string context)
    {
        var halves = Bundles.TopLevel(statement, ';').Where(h => h.Length > 0).ToList();
        if (halves.Count < 2 || halves.Any(h => h.Split(' ').Length < 3))
        {
            return null;
        }

        var parts = halves.Select(h => Compose(Verbs.IsImperative(ItemText.UpperFirst(h)) ? "Says to" : lead == "Says to" ? Says : lead, h, context)).ToList();
        return parts.All(ItemText.IsUsable) ? parts : null;
    }

    /// <summary>"WebSockets provide…, allowing for real-time communication" (2) → "Says WebSockets allow for real-time communication".</summary>
    private static IReadOnlyList<string>? ParticipleParts(string statement, string lead, string context)
    {
        var tail = TrailingParticiple().Match(statement);
        var subject = lead == Says ? Subjects.Of(statement) : null;
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
            Compose(Says, statement[..tail.Index], context),
            Compose(Says, $"{subject} {verb} {rest}", context),
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
        return ListIntroducer().IsMatch(bundle.Prefix) && Bundles.Words(statement) >= minimum && Clause().IsMatch(statement) ? statement : null;
    }

    private static string Plural(string finite) =>
        !finite.EndsWith('s') ? finite : PluralEs().IsMatch(finite) ? finite[..^2] : finite[..^1];

    /// <summary>The items a list in the sentence gives: "Mentions X" for things, "Says to X" for instructions.</summary>
    private static IReadOnlyList<string>? Parts(Bundle bundle, string lead, string context)
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
            : shared is not null ? Compose("Says to", $"{shared} {e}", context)
            : Verbs.IsImperative(ItemText.UpperFirst(e)) ? Compose("Says to", e, context) : Compose("Mentions", e, context)).ToList();
        if (statement is not null || bundle.Trailing)
        {
            // "The purpose of load balancing is to distribute traffic…, optimizing resource use, maximizing…" (172).
            parts.Insert(0, Compose(lead == "Says to" ? lead : Says, statement ?? bundle.Prefix.TrimEnd(',', ' '), context));
        }

        if (parts.Count > Selection.Max && statement is null && !label.Success)
        {
            // Seven strategies (79): two to an item, so the rubric keeps them all.
            var verb = parts[0].StartsWith("Says to ", StringComparison.Ordinal) ? "Says to" : "Mentions";
            parts = [.. bundle.Elements.Chunk(2).Select(pair => Compose(verb, string.Join(", and ", pair), context))];
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
        + @"|^There (?:are|is) (?:several|many|a few|various|different|multiple) \w+$"
        + @"|\b(?:are|is) (?:both |all |very )?(?:powerful|useful|great) tools?\b",
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
    [GeneratedRegex(@"\b(allows?|lets?|enables?)\s+(?:we|you|us)\s+(?:can\s+|to\s+)?", RegexOptions.IgnoreCase)]
    private static partial Regex AllowsWe();

    // "Technical debt accumulates and slows…" (81): a verb right after a one- or two-word subject.
    [GeneratedRegex(@"^(?:\S+\s+){1,2}[a-z]+(?:[^s\W]s|es)\b")]
    private static partial Regex VerbSecond();

    [GeneratedRegex(@"^[A-Z][a-z]+(?<!ss)s\s+(?!(?:is|are|was|were|can|will|have|has)\b)")]
    private static partial Regex ContinuedVerb();

    // "To fix it, one must ensure that…" (75) → "Ensure that…".
    [GeneratedRegex(@"^To [^,]{2,60},\s+one (?:must|should|needs to|has to|can)\s+(\w)")]
    private static partial Regex OneMust();

    // A statement has a verb; "Easy deployment and integration, similar to web applications" (36) does not.
    [GeneratedRegex(
        @"(?<!\bto\s)\b(?:is|are|was|were|be|been|being|can|could|will|would|should|must|may|might|has|have|had|does|do|did|'s|'re|'ve|'d|"
        + @"provides?|allows?|uses|helps?|ensures?|means|requires?|involves?|makes?|takes?|gives?|runs?|stores?|reduces?|improves?|"
        + @"prevents?|handles?|supports?|enables?|lets|offers?|occurs?|works?|separates?|sits|acts|reacts|focuses|needs?|depends?|"
        + @"guarantees?|creates?|leads?|causes?|extends?|isolates?|explores?|tracks?|restricts?|prioritizes?|applies|manages?|[a-z]+ed)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Clause();

    // "Then dive into implementation details:" (15) tells the candidate how to answer.
    [GeneratedRegex(@"^(?:Compare|Dive|Discuss|Talk about|Walk through|Start with|Begin with)\b")]
    private static partial Regex Coaching();

    [GeneratedRegex(@"\b(?:include|includes|are|is|involves|involve)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex TopicEnd();

    [GeneratedRegex(@"\b(?:using|with|such as|like|including|via)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ToolIntroducer();

    [GeneratedRegex(@"\b(?:such as|like|e\.g\.|for example)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleEnd();

    [GeneratedRegex(@"^(?:For|Below|Here|Some|There|The following|Following|In this)\b|\bfollowing (?:conditions|steps|ways|components|points|reasons|techniques)\b|\bas follows\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnnouncesOnly();

    [GeneratedRegex(@"\bthe following\b")]
    private static partial Regex TheFollowing();

    [GeneratedRegex(@"^(?:Remember|Note|Keep in mind) that\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RememberThat();

    [GeneratedRegex(@"(?:,?\s*\b(?:such as|like|e\.g\.|including|using|with|via|through|by)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex ListIntroducer();

    [GeneratedRegex(@"^(?:[^,]{0,40},\s+)?[Tt]hey (?:also\s+)?(?<verb>understand|know|are familiar with|are experienced with|have experience)\s+(?:with\s+|in\s+)?")]
    private static partial Regex Understand();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Brackets();

    // "It says that in any distributed database…" (194): the theorem says it, and so should the item.
    [GeneratedRegex(@"^It (?:says|states|means|holds) that\s+")]
    private static partial Regex ItSays();

    [GeneratedRegex(@"\band\s+(?<verb>[a-z]+ing)\b")]
    private static partial Regex AndParticiple();

    [GeneratedRegex(@"(?:ss|sh|ch|x|z|o)es$")]
    private static partial Regex PluralEs();

    [GeneratedRegex(@"(?:\b(?:include|includes|including)|:)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex StrongEnd();

    // An element with its own finite verb is a clause, not a list element ("sharding is used when…", 49).
    [GeneratedRegex(@"\b(?:is|are|was|were|can|could|will|would|should|must|has|have)\b")]
    private static partial Regex Finite();

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

    /// <summary>The subject a run of verb-first sentences shares ("Optimistic locking is a strategy that: Assumes…").</summary>
    public string? Continuation { get; set; }

    public int Group { get; set; }

    public void Remember(string sentence) => Subject = Subjects.Of(sentence);

    public void Keep(string subject) => Subject = subject;

    public Draft Draft(string text, DraftRole role) =>
        new(ItemText.UpperFirst(ItemText.Tidy(text)), source, null, role) { Group = Group };
}
