using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

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
                    drafts.AddRange(AnswerElements.Element(element, heading, state));
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

    internal static IEnumerable<Draft> Prose(string paragraph, AnswerState state) =>
        Sentences.Split(paragraph)
            .SelectMany(CodeText.SplitAtCode)
            .SelectMany(Unpunctuated)
            .Select(CodeText.Prose)
            .OfType<string>()
            .SelectMany(s => AnswerElements.Inline(s, state))
            .ToList();

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

    [GeneratedRegex(@"^(?:Compare|Dive|Discuss|Explain|Talk|Mention|Describe|Walk|Start with|Begin with)\b")]
    internal static partial Regex Coaching();

    [GeneratedRegex(@"^(-|\d{1,2}\)|[a-h]\.)\s+")]
    private static partial Regex ListMarker();

    [GeneratedRegex(@"^(?<title>[^:]{2,120}):$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^(?:Examples?\b|Example\b.*|(?:Example )?Use Cases?\b)", RegexOptions.IgnoreCase)]
    internal static partial Regex ExampleHeading();

    [GeneratedRegex(@"Use Cases?", RegexOptions.IgnoreCase)]
    private static partial Regex UseCase();

    [GeneratedRegex(@"\b(?:the following|below|as follows|include|includes|are to|steps are|in this code|in this query)\b|^(?:Some|Here)\b|\b(?:are|is|include|includes|would be|will be|could be)$", RegexOptions.IgnoreCase)]
    internal static partial Regex Intro();

    [GeneratedRegex(@"\b(?:is|are|was|were|can|will|must|should|consumes|has|have)\b")]
    private static partial Regex HeadingVerb();

    [GeneratedRegex(@"^(\S[^–—]{0,30}?)\s+[–—]\s+")]
    private static partial Regex DashLabel();

    [GeneratedRegex(@"\s*\([^()]*\)")]
    private static partial Regex Brackets();

    [GeneratedRegex(@"(?<=[0-9)])\s+(?=[A-Z][a-z]+\s)|(?<=[a-z])\s+(?=(?:It|When|If|This|These|They|However)\s)")]
    private static partial Regex MissingStop();
}
