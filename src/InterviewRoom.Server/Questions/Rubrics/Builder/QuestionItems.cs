using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// Items the product adds when the source gives too little (Source standard). From the question itself, when the
/// reference answer does not answer it: "Have you worked with version control systems such as Git before?" →
/// "Describes their work with version control systems such as Git" (12), "Describe the exit codes of NodeJS?" →
/// "Describes the exit codes of NodeJS" (166), "…these nine server response error codes: 200, 201, 204, 301, 400…"
/// → "Explains 200, 201 and 204" and so on, by first digit (167). And, to reach three items, generic ones that fit any
/// answer of the kind: a concrete example, a trade-off or limitation (2, 163).
/// </summary>
internal static partial class QuestionItems
{
    public const string FromQuestion = "from the question";

    public const string Generic = "generic";

    /// <summary>What answering the question means, as items; empty when the question has no plain form.</summary>
    public static IReadOnlyList<Criterion> For(ParsedQuestion question)
    {
        var first = FirstSentence().Match(question.Text.Replace('\n', ' ')).Value.Trim().TrimEnd('?', '.', ':', ' ');
        var listed = Listed().Match(first);
        if (listed.Success)
        {
            var codes = listed.Groups["list"].Value.Split([",", " and "], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var groups = codes.GroupBy(c => c[0]).Select(g => g.ToList()).ToList();
            if (codes.Length >= 4 && groups.Count <= 5)
            {
                return [.. groups.Select(g => Item($"Explains {Join(g)}"))];
            }
        }

        foreach (var (pattern, verb) in Patterns)
        {
            var match = pattern.Match(first);
            if (match.Success)
            {
                var rest = FirstPerson.SecondToThird(match.Groups["rest"].Value).Trim();
                var text = pattern == WhatDoesPattern ? $"{verb} {rest} does" : $"{verb} {rest}";
                return ItemText.IsUsable(text) && !CodeText.LooksLikeCode(text) ? [Item(text)] : [];
            }
        }

        return [];
    }

    /// <summary>Items any answer of the kind can be scored on, to fill a rubric the source leaves thin.</summary>
    public static IReadOnlyList<Criterion> Fillers(QuestionKind kind) => kind is QuestionKind.Behavioral or QuestionKind.Opinion
        ?
        [
            new(string.Empty, "Gives a concrete example from their own work", RubricSources.Standard, false, $"{Generic}: example"),
            new(string.Empty, "Gives the reasoning behind their view, not only the view", RubricSources.Standard, false, $"{Generic}: reasoning"),
            new(string.Empty, "Names a risk or downside and how they would handle it", RubricSources.Standard, false, $"{Generic}: trade-off"),
        ]
        :
        [
            new(string.Empty, "Gives a concrete example or use case", RubricSources.Standard, false, $"{Generic}: example"),
            new(string.Empty, "Names a trade-off or limitation", RubricSources.Standard, false, $"{Generic}: trade-off"),
            new(string.Empty, "Explains how it works, not only what it is", RubricSources.Standard, false, $"{Generic}: how it works"),
        ];

    private static readonly Regex WhatDoesPattern = WhatDoes();

    private static (Regex Pattern, string Verb)[] Patterns =>
    [
        (ExperienceWith(), "Describes their experience with"),
        (WorkedWith(), "Describes their work with"),
        (HowDoYou(), "Describes how they"),
        (HowWouldYou(), "Describes how they would"),
        (WhatDoesPattern, "Describes what"),
        (Imperative(), string.Empty),
    ];

    private static Criterion Item(string text) =>
        new(string.Empty, ItemText.UpperFirst(ImperativeVerb().Replace(text.Trim(), m => Verbs.ThirdPerson(m.Value))), RubricSources.Standard, false, FromQuestion);

    private static string Join(List<string> items) =>
        items.Count == 1 ? items[0] : $"{string.Join(", ", items.SkipLast(1))} and {items[^1]}";

    [GeneratedRegex(@"^[^?]*(?:\?|$)")]
    private static partial Regex FirstSentence();

    [GeneratedRegex(@":\s*(?<list>(?:\w{1,6},\s*)+\w{1,6}(?:,?\s+and\s+\w{1,6})?)$")]
    private static partial Regex Listed();

    [GeneratedRegex(@"^(?:What is|Tell (?:me|us) about) your (?:level of )?(?:familiarity and )?(?:experience|understanding|familiarity) (?:with|of)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex ExperienceWith();

    [GeneratedRegex(@"^Have you (?:ever )?worked with\s+(?<rest>.+?)(?:\s+before)?$", RegexOptions.IgnoreCase)]
    private static partial Regex WorkedWith();

    [GeneratedRegex(@"^(?:Could|Can) you (?:discuss|describe|explain) how you\s+(?<rest>.+)$|^How do (?:you|we)\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HowDoYou();

    [GeneratedRegex(@"^How would you\s+(?<rest>.+)$", RegexOptions.IgnoreCase)]
    private static partial Regex HowWouldYou();

    // "What exactly does a backend developer do?" (135) → "Describes what a backend developer does".
    [GeneratedRegex(@"^What (?:exactly )?does (?<rest>.+?) do$", RegexOptions.IgnoreCase)]
    private static partial Regex WhatDoes();

    [GeneratedRegex(@"^(?<rest>(?:Describe|Explain|Define|Discuss|Name|List|Compare)\b.+)$")]
    private static partial Regex Imperative();

    [GeneratedRegex(@"^(?:Describe|Explain|Define|Discuss|Name|List|Compare)\b")]
    private static partial Regex ImperativeVerb();
}
