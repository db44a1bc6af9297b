using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

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
    public const string Says = "Says";

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
            if (role == DraftRole.Content && SentenceParts.NamedTools(resolved) is { } named)
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
        var parts = bundle is { Clear: true } && SentenceParts.Splittable(bundle) ? SentenceParts.Parts(bundle, lead, state.Context) : SentenceParts.ParticipleParts(statement, lead, state.Context);
        if (parts is not null && parts.Count > Selection.Max)
        {
            parts = [.. parts.Take(Selection.Max)];
        }

        parts ??= SentenceParts.SemicolonParts(statement, lead, state.Context);
        var pieces = Clauses.Fit(statement, limit);
        if (pieces.Count == 0 && parts is null && bundle is { Clear: true } && bundle.Elements.Count >= 3 && SentenceParts.Elements(bundle))
        {
            // Too long for one item and no shorter form: the list's elements are the items.
            parts = SentenceParts.Parts(bundle, lead, state.Context);
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
    internal static partial Regex Clause();

    // "Then dive into implementation details:" (15) tells the candidate how to answer.
    [GeneratedRegex(@"^(?:Compare|Dive|Discuss|Talk about|Walk through|Start with|Begin with)\b")]
    private static partial Regex Coaching();

    [GeneratedRegex(@"^(?:For|Below|Here|Some|There|The following|Following|In this)\b|\bfollowing (?:conditions|steps|ways|components|points|reasons|techniques)\b|\bas follows\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnnouncesOnly();

    [GeneratedRegex(@"\bthe following\b")]
    private static partial Regex TheFollowing();

    [GeneratedRegex(@"^(?:Remember|Note|Keep in mind) that\s+", RegexOptions.IgnoreCase)]
    private static partial Regex RememberThat();

    [GeneratedRegex(@"^(?:[^,]{0,40},\s+)?[Tt]hey (?:also\s+)?(?<verb>understand|know|are familiar with|are experienced with|have experience)\s+(?:with\s+|in\s+)?")]
    private static partial Regex Understand();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Brackets();

    // "It says that in any distributed database…" (194): the theorem says it, and so should the item.
    [GeneratedRegex(@"^It (?:says|states|means|holds) that\s+")]
    private static partial Regex ItSays();

}
