using System.Text.RegularExpressions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// One list element or one "Label: text" sentence of a reference answer as items: "OAuth: often used for
/// third-party access" (9), "Indexing: use indexes on frequently queried columns" (121), "Benefit of load balancing:
/// handles high traffic efficiently" (5, the heading before the list), "Pros: local commits, offline work…" (56),
/// "In a closed network: …" (67), "Web services offer several advantages: A; B; C" (36), steps run together without
/// stops (76), "X is a strategy that: Assumes… Allows…" (99). A first-person description loses its subject ("“I'd use
/// Redis for…”" → "use Redis for…", 15).
/// </summary>
internal static partial class AnswerElements
{
    /// <summary>"Optimistic locking is a strategy that: Assumes…" (99), "Web services offer several advantages: A; B; C" (36).</summary>
    public static IEnumerable<Draft> Inline(string sentence, AnswerState state)
    {
        var colon = InlineColon().Match(sentence);
        if (!colon.Success)
        {
            return AnswerSentences.Phrase(sentence, state);
        }

        var before = colon.Groups["before"].Value.Trim();
        var after = colon.Groups["after"].Value.Trim();
        if (KeyPoints.Coaching().IsMatch(before))
        {
            return KeyPoints.Prose(after, state);
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
            if (KeyPoints.ExampleHeading().IsMatch(before))
            {
                // "Examples: order processing, notifications, and data pipelines" (69): one example item.
                return [state.Draft($"Gives an example, e.g. {ItemText.LowerFirst(ItemText.Tidy(after), state.Context)}", DraftRole.Content)];
            }

            return Bundles.TopLevel(ThirdPerson(after), ';').Where(p => p.Length > 0).Select(part =>
                state.Draft($"{KeyPoints.TitleCase(before)}: {ItemText.LowerFirst(ItemText.Tidy(part), state.Context)}", DraftRole.Content)
                with { Parts = Bundles.Find(part) is { Clear: true } b && b.Elements.Count is >= 3 and <= 6
                    ? [.. b.Elements.Select(e => $"{KeyPoints.Singular(before)}: {ItemText.LowerFirst(ItemText.Tidy(e), state.Context)}")]
                    : null }).ToList();
        }

        return KeyPoints.Intro().IsMatch(before) ? AnswerSentences.Phrase(after, state) : AnswerSentences.Phrase(sentence, state);
    }

    /// <summary>A list element: "Label: description", "Heading: element", or a sentence of its own.</summary>
    public static IEnumerable<Draft> Element(string element, string? heading, AnswerState state)
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
            var item = $"{KeyPoints.TitleCase(label.Groups["label"].Value)}: {ItemText.LowerFirst(ItemText.Tidy(kept), state.Context)}";
            return ItemText.IsUsable(item) ? [state.Draft(item, DraftRole.Content)] : [];
        }

        if (NounThenClause().IsMatch(text))
        {
            // "Interoperability, as they can be developed in any language…" (36).
            var comma = text.IndexOf(',', StringComparison.Ordinal);
            var noun = $"{KeyPoints.TitleCase(text[..comma])}{text[comma..]}";
            return AnswerSentences.Phrase(text, state).Select(d => d with { Text = AnswerSentences.Compose("Mentions", FirstPerson.ToThirdPerson(noun), state.Context) });
        }

        if (heading is not null && !text.Contains(". ", StringComparison.Ordinal))
        {
            var item = $"{KeyPoints.Singular(heading)}: {ItemText.LowerFirst(text, state.Context)}";
            return ItemText.IsUsable(item) ? [state.Draft(item, DraftRole.Content)] : [];
        }

        return Sentences.Split(text).SelectMany(s => AnswerSentences.Phrase(s, state, element: true)).ToList();
    }

    /// <summary>"“I'd use Redis for…”" → "use Redis for…": a first-person description loses its subject (15).</summary>
    private static string ThirdPerson(string description) =>
        FirstPerson.SecondToThird(FirstPerson.ToThirdPerson(ModalSubject().Replace(ItemText.Tidy(description), string.Empty)));

    [GeneratedRegex(@"\b(?:is|are|was|were|can|will|would|should|must|has|have|do|does)\b")]
    private static partial Regex Verbish();

    [GeneratedRegex(@"^(?:I|We)(?:'d|'ll|\s+would|\s+will)?\s+")]
    private static partial Regex ModalSubject();

    [GeneratedRegex(@"^[A-Z][\w /&-]{2,40},\s+(?:as|where|since|because|which)\b")]
    private static partial Regex NounThenClause();

    [GeneratedRegex(@"^(?<before>[^:]{3,120}?):\s+(?<after>\S.+)$")]
    private static partial Regex InlineColon();

    [GeneratedRegex(@"^(?<subject>.+?)(?:,\s+on the other hand,)?\s+is\s+an?\s+\w+\s+that$")]
    private static partial Regex StrategyThat();

    // "Identify the environment for testing Identify the metrics…" (76): a capitalised verb starts the next step.
    [GeneratedRegex(@"(?<=[a-z])\s+(?=(?:Identify|Plan|Configure|Implement|Execute|Analyze|Analyse|Determine|Finalize|Create|Conduct|Design|Define|Run|Set|Monitor|Review|Test|Write|Build|Deploy|Measure|Choose|Select|Collect|Prepare|Report)\b)")]
    private static partial Regex StepBoundary();

    [GeneratedRegex(@"^and\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingAnd();

    // "OAuth: Often used…", "Indexing – Use indexes…", "Fast Reads/Writes – Prioritizes…", "Hardware – F5…".
    [GeneratedRegex(@"^(?<label>[A-Z][^:–—]{1,45}?)\s*(?::|\s[–—]\s|\s-\s)\s*(?<text>\S.+)$")]
    private static partial Regex Label();
}
