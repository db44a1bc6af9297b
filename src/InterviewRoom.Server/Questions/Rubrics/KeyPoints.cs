using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// The key points of a reference answer, in order, as draft items: one per table row ("Atomicity: in ACID,
/// transactions are all-or-nothing; in BASE, partial transactions allowed", 17, 18), one per list element with its
/// heading or label ("Benefit of load balancing: handles high traffic efficiently", "OAuth: often used for
/// third-party access", 5, 9), the lead sentence before a list (a definition) marked <see cref="Draft.Lead"/>, one
/// item for an "Example:" list ("Names example load balancers, e.g. hardware: F5, Citrix ADC; …", 5), and one per
/// prose sentence (<see cref="AnswerSentences"/>). Code is left out (<see cref="CodeText"/>; 3, 59, 66, 131).
/// </summary>
internal static partial class KeyPoints
{
    public static IReadOnlyList<Draft> From(string answer, string context)
    {
        var state = new AnswerState(context, RubricSources.ReferenceAnswer);
        var drafts = new List<Draft>();
        var examples = new List<string>();
        string[]? header = null;
        string? heading = null;
        var exampleHeading = (string?)null;
        foreach (var line in answer.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0))
        {
            if (line.StartsWith('|'))
            {
                var cells = line.Trim('|').Split('|').Select(c => ItemText.Tidy(c)).ToArray();
                if (header is null)
                {
                    header = cells;
                    state.Group++;
                }
                else
                {
                    drafts.Add(state.Draft(TableRow(header, cells, context), DraftRole.Content));
                }

                continue;
            }

            header = null;
            if (ListMarker().IsMatch(line))
            {
                var element = ListMarker().Replace(line, string.Empty);
                if (exampleHeading is not null)
                {
                    examples.Add(element);
                }
                else
                {
                    drafts.AddRange(Element(element, heading, state));
                }

                continue;
            }

            Flush(drafts, examples, ref exampleHeading, state);
            if (Heading().Match(line) is { Success: true } h)
            {
                if (Coaching().IsMatch(Subjects.StripConnective(h.Groups["title"].Value)))
                {
                    continue;
                }

                state.Group++;
                var title = h.Groups["title"].Value;
                heading = IsNounHeading(title) ? title : null;
                exampleHeading = ExampleHeading().IsMatch(title) ? title : null;
                if (heading is null && exampleHeading is null && !Intro().IsMatch(title))
                {
                    drafts.AddRange(Prose(title, state));
                }

                continue;
            }

            heading = null;
            state.Group++;
            var prose = Prose(line, state);
            drafts.AddRange(prose.Select((d, i) => i == 0 && drafts.Count == 0 ? d with { Lead = true } : d));
        }

        Flush(drafts, examples, ref exampleHeading, state);
        return drafts;
    }

    /// <summary>The non-empty lines of a text with list markers ("- ", "1) ", "a. ") removed.</summary>
    public static IReadOnlyList<string> Lines(string text) =>
        [.. text.Split('\n').Select(l => ListMarker().Replace(l.Trim(), string.Empty).Trim()).Where(l => l.Length > 0)];

    /// <summary>"Benefits of Load Balancing" → "Benefit of load balancing"; "Pros" → "Pro".</summary>
    public static string Singular(string heading)
    {
        var words = heading.Trim().Split(' ');
        var head = Array.FindIndex(words, w => w is "of" or "for" or "in" or "to") is var i and > 0 ? i - 1 : words.Length - 1;
        var word = words[head];
        words[head] = word.EndsWith("ies", StringComparison.Ordinal) ? word[..^3] + "y"
            : word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("ches", StringComparison.Ordinal) ? word[..^2]
            : word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal) && word.Length > 3 ? word[..^1] : word;
        return TitleCase(string.Join(' ', words));
    }

    /// <summary>"Code Reviews" → "Code reviews"; acronyms, names in brackets and words with inner capitals stay.</summary>
    public static string TitleCase(string label)
    {
        var depth = 0;
        var words = label.Trim().Split(' ');
        for (var k = 0; k < words.Length; k++)
        {
            var w = words[k];
            if (depth == 0 && k > 0 && w.Length > 1 && char.IsUpper(w[0]) && !w.Skip(1).Any(char.IsUpper) && !w.StartsWith('('))
            {
                words[k] = w.ToLowerInvariant();
            }

            depth += w.Count(c => c == '(') - w.Count(c => c == ')');
        }

        return string.Join(' ', words);
    }

    private static IEnumerable<Draft> Prose(string paragraph, AnswerState state) =>
        Sentences.Split(paragraph)
            .SelectMany(CodeText.SplitAtCode)
            .SelectMany(Unpunctuated)
            .Select(CodeText.Prose)
            .OfType<string>()
            .SelectMany(s => Inline(s, state))
            .ToList();

    /// <summary>"Optimistic locking is a strategy that: Assumes…" (99), "Web services offer several advantages: A; B; C" (36).</summary>
    private static IEnumerable<Draft> Inline(string sentence, AnswerState state)
    {
        var colon = InlineColon().Match(sentence);
        if (!colon.Success)
        {
            return AnswerSentences.Phrase(sentence, state);
        }

        var before = colon.Groups["before"].Value.Trim();
        var after = colon.Groups["after"].Value.Trim();
        if (Coaching().IsMatch(before))
        {
            return Prose(after, state);
        }

        if (InlineColon().Match(after) is { Success: true } inner && Bundles.Words(inner.Groups["before"].Value) <= 3)
        {
            // "Benefits: Scalability: microservices can scale…" (186): the inner label is the item's.
            return Inline(after, state);
        }

        var that = StrategyThat().Match(before);
        if (that.Success)
        {
            var drafts = AnswerSentences.Phrase($"{that.Groups["subject"].Value} {char.ToLowerInvariant(after[0])}{after[1..]}", state);
            state.Continuation = that.Groups["subject"].Value;
            return drafts;
        }

        var semicolons = Bundles.TopLevel(after, ';').Where(p => p.Length > 0).ToList();
        if (semicolons.Count >= 3)
        {
            return semicolons.SelectMany(p => Element(LeadingAnd().Replace(p, string.Empty), null, state));
        }

        var steps = StepBoundary().Split(after);
        if (steps.Length >= 3 && !after.Contains(". ", StringComparison.Ordinal))
        {
            return steps.SelectMany(p => Element(p, null, state));
        }

        if ((Bundles.Words(before) <= 3 || (Bundles.Words(before) <= 5 && !Verbish().IsMatch(before))) && !CodeText.LooksLikeCode(after))
        {
            // "Pros: local commits, offline work…" (56), "In a closed network: focus on…; security is simpler" (67).
            state.Remember(after);
            if (ExampleHeading().IsMatch(before))
            {
                // "Examples: order processing, notifications, and data pipelines" (69): one example item.
                return [state.Draft($"Gives an example, e.g. {ItemText.LowerFirst(ItemText.Tidy(after), state.Context)}", DraftRole.Content)];
            }

            return Bundles.TopLevel(ThirdPerson(after), ';').Where(p => p.Length > 0).Select(part =>
                state.Draft($"{TitleCase(before)}: {ItemText.LowerFirst(ItemText.Tidy(part), state.Context)}", DraftRole.Content)
                with { Parts = Bundles.Find(part) is { Clear: true } b && b.Elements.Count is >= 3 and <= 6
                    ? [.. b.Elements.Select(e => $"{Singular(before)}: {ItemText.LowerFirst(ItemText.Tidy(e), state.Context)}")]
                    : null }).ToList();
        }

        return Intro().IsMatch(before) ? AnswerSentences.Phrase(after, state) : AnswerSentences.Phrase(sentence, state);
    }

    /// <summary>A list element: "Label: description", "Heading: element", or a sentence of its own.</summary>
    private static IEnumerable<Draft> Element(string element, string? heading, AnswerState state)
    {
        var text = CodeText.Prose(ItemText.Tidy(element));
        if (text is null)
        {
            return [];
        }

        var label = Label().Match(text);
        if (label.Success && !CodeText.LooksLikeCode(label.Groups["label"].Value))
        {
            var description = Sentences.Split(ThirdPerson(label.Groups["text"].Value)).ToList();
            var kept = description.Count > 1 && string.Join(' ', description).Length + label.Length > ItemText.MaxLength ? description[0] : string.Join(' ', description);
            state.Remember(kept);
            var item = $"{TitleCase(label.Groups["label"].Value)}: {ItemText.LowerFirst(ItemText.Tidy(kept), state.Context)}";
            return ItemText.IsUsable(item) ? [state.Draft(item, DraftRole.Content)] : [];
        }

        if (NounThenClause().IsMatch(text))
        {
            // "Interoperability, as they can be developed in any language…" (36).
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var noun = $"{TitleCase(text[..comma])}{text[comma..]}";
            return AnswerSentences.Phrase(text, state).Select(d => d with { Text = AnswerSentences.Compose("Mentions", FirstPerson.ToThirdPerson(noun), state.Context) });
        }

        if (heading is not null && !text.Contains(". ", StringComparison.Ordinal))
        {
            var item = $"{Singular(heading)}: {ItemText.LowerFirst(text, state.Context)}";
            return ItemText.IsUsable(item) ? [state.Draft(item, DraftRole.Content)] : [];
        }

        return Sentences.Split(text).SelectMany(s => AnswerSentences.Phrase(s, state, element: true)).ToList();
    }

    /// <summary>"“I'd use Redis for…”" → "use Redis for…": a first-person description loses its subject (15).</summary>
    private static string ThirdPerson(string description) =>
        FirstPerson.SecondToThird(FirstPerson.ToThirdPerson(ModalSubject().Replace(ItemText.Tidy(description), string.Empty)));

    private static void Flush(List<Draft> drafts, List<string> examples, ref string? heading, AnswerState state)
    {
        if (heading is null || examples.Count == 0)
        {
            heading = null;
            return;
        }

        var lead = heading.StartsWith("Example ", StringComparison.OrdinalIgnoreCase) && heading.Length > 8
            ? $"Names {heading.ToLowerInvariant()}, e.g."
            : UseCase().IsMatch(heading) ? "Names a use case, e.g." : "Gives an example, e.g.";
        var texts = examples.Select(e => CodeText.Prose(ItemText.Tidy(e))).OfType<string>()
            .Select(e => DashLabel().Replace(e, "$1: "))
            .Select(e => e.Contains(": ", StringComparison.Ordinal) ? e : ItemText.LowerFirst(e, state.Context)).ToList();
        while (texts.Count > 1 && $"{lead} {string.Join("; ", texts)}".Length > ItemText.MaxLength)
        {
            texts.RemoveAt(texts.Count - 1);
        }

        var item = $"{lead} {string.Join("; ", texts)}";
        if (texts.Count > 0 && ItemText.IsUsable(item))
        {
            drafts.Add(state.Draft(item, DraftRole.Content));
        }

        examples.Clear();
        heading = null;
    }

    /// <summary>"Atomicity: in ACID, transactions are all-or-nothing; in BASE, partial transactions allowed".</summary>
    private static string TableRow(string[] header, string[] cells, string context)
    {
        var values = cells.Skip(1).Select((cell, i) => (Column: i + 1 < header.Length ? Brackets().Replace(header[i + 1], string.Empty).Trim() : null, Cell: cell))
            .Select(v => v.Column is null || header.Length <= 2 ? ItemText.LowerFirst(v.Cell, context) : $"in {ItemText.LowerFirst(v.Column, context)}, {ItemText.LowerFirst(v.Cell, context)}");
        var row = $"{Singular(cells[0])}: {string.Join("; ", values)}";
        return row.Length <= ItemText.MaxLength ? row : $"{Singular(cells[0])}: {string.Join("; ", cells.Skip(1).Select(c => ItemText.LowerFirst(Brackets().Replace(c, string.Empty), context)))}";
    }

    /// <summary>"…Base 10 Precision errors are not tolerable… (e.g. finance) It can be avoided…" (127): sentences without full stops.</summary>
    private static IEnumerable<string> Unpunctuated(string sentence) =>
        sentence.Length > ItemText.MaxLength ? MissingStop().Split(sentence) : [sentence];

    private static bool IsNounHeading(string title) =>
        Bundles.Words(title) <= 6 && !ExampleHeading().IsMatch(title) && !Intro().IsMatch(title) && !HeadingVerb().IsMatch(title);

    [GeneratedRegex(@"\b(?:is|are|was|were|can|will|would|should|must|has|have|do|does)\b")]
    private static partial Regex Verbish();

    [GeneratedRegex(@"^(?:I|We)(?:'d|'ll|\s+would|\s+will)?\s+")]
    private static partial Regex ModalSubject();

    [GeneratedRegex(@"^(?:Compare|Dive|Discuss|Explain|Talk|Mention|Describe|Walk|Start with|Begin with)\b")]
    private static partial Regex Coaching();

    [GeneratedRegex(@"^[A-Z][\w /&-]{2,40},\s+(?:as|where|since|because|which)\b")]
    private static partial Regex NounThenClause();

    [GeneratedRegex(@"^(-|\d{1,2}\)|[a-h]\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?<title>[^:]{2,120}):$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:Examples?\b|Example\b.*|(?:Example )?Use Cases?\b)", RegexOptions.IgnoreCase)]
    private static partial Regex ExampleHeading();

    [GeneratedRegex(@"Use Cases?", RegexOptions.IgnoreCase)]
    private static partial Regex UseCase();

    [GeneratedRegex(@"\b(?:the following|below|as follows|include|includes|are to|steps are|in this code|in this query)\b|^(?:Some|Here)\b|\b(?:are|is|include|includes|would be|will be|could be)$", RegexOptions.IgnoreCase)]
    private static partial Regex Intro();

    [GeneratedRegex(@"\b(?:is|are|was|were|can|will|must|should|consumes|has|have)\b")]
    private static partial Regex HeadingVerb();

    // "OAuth: Often used…", "Indexing – Use indexes…", "Fast Reads/Writes – Prioritizes…", "Hardware – F5…".
    [GeneratedRegex(@"^(?<label>[A-Z][^:–—]{1,45}?)\s*(?::|\s[–—]\s|\s-\s)\s*(?<text>\S.+)$")]
    private static partial Regex Label();

    [GeneratedRegex(@"^(\S[^–—]{0,30}?)\s+[–—]\s+")]
    private static partial Regex DashLabel();

    [GeneratedRegex(@"^(?<before>[^:]{3,120}?):\s+(?<after>\S.+)$")]
    private static partial Regex InlineColon();

    [GeneratedRegex(@"^(?<subject>.+?)(?:,\s+on the other hand,)?\s+is\s+an?\s+\w+\s+that$")]
    private static partial Regex StrategyThat();

    // "Identify the environment for testing Identify the metrics…" (76): a capitalised verb starts the next step.
    [GeneratedRegex(@"(?<=[a-z])\s+(?=(?:Identify|Plan|Configure|Implement|Execute|Analyze|Analyse|Determine|Finalize|Create|Conduct|Design|Define|Run|Set|Monitor|Review|Test|Write|Build|Deploy|Measure|Choose|Select|Collect|Prepare|Report)\b)")]
    private static partial Regex StepBoundary();

    [GeneratedRegex(@"^and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnd();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"(?<=[0-9)])\s+(?=[A-Z][a-z]+\s)|(?<=[a-z])\s+(?=(?:It|When|If|This|These|They|However)\s)")]
    private static partial Regex MissingStop();
}
