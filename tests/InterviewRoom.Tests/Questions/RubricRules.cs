using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;
using InterviewRoom.Server.Questions.Rubrics;

namespace InterviewRoom.Tests.Questions;

/// <summary>
/// The mechanical rules of a rubric an interviewer uses as is (/work/shared/RUBRICS.md), for any rubric: built,
/// reviewed or hand-written. <see cref="Problems"/> lists every violation with the question number and the item.
/// </summary>
internal static partial class RubricRules
{
    public const int MaxCriterionLength = 180;

    private static readonly string[] Sources =
        [RubricSources.Guidance, RubricSources.ReferenceAnswer, RubricSources.Reviewed, RubricSources.Standard];

    public static IReadOnlyList<string> Problems(RubricContent rubric, ParsedQuestion question)
    {
        var at = $"Q{question.Number}";
        var problems = new List<string>();
        if (rubric.Criteria.Count is < 2 or > 8)
        {
            problems.Add($"{at}: {rubric.Criteria.Count} criteria (2 to 8 expected)");
        }

        foreach (var c in rubric.Criteria)
        {
            problems.AddRange(CriterionProblems(c.Text).Select(p => $"{at} {c.Id}: {p}: {c.Text}"));
            if (!Sources.Contains(c.Source))
            {
                problems.Add($"{at} {c.Id}: source '{c.Source}' is not one of {string.Join(", ", Sources)}");
            }
        }

        var core = rubric.Criteria.Count(c => c.Core);
        if (core is < 1 or > 3)
        {
            problems.Add($"{at}: {core} core criteria (1 to 3 expected)");
        }

        if (rubric.Criteria.Count >= 3 && core == rubric.Criteria.Count)
        {
            problems.Add($"{at}: every criterion is core; leave at least one non-core");
        }

        problems.AddRange(AnchorProblems(rubric.Anchors).Select(p => $"{at}: {p}"));
        problems.AddRange(RedFlagProblems(rubric.RedFlags, question).Select(p => $"{at}: {p}"));
        return problems;
    }

    /// <summary>What is wrong with one criterion's text, as short labels ("first person", "cut off"…).</summary>
    public static IReadOnlyList<string> CriterionProblems(string text)
    {
        var problems = new List<string>();
        if (text.Length is 0 or > MaxCriterionLength)
        {
            problems.Add($"{text.Length} characters");
        }

        if (IsCutOff(text))
        {
            problems.Add("cut off");
        }

        if (LeadIn().IsMatch(text))
        {
            problems.Add("lead-in");
        }

        if (HasFirstPerson(text))
        {
            problems.Add("first person");
        }

        if (IsAddressedToCandidate(text))
        {
            problems.Add("addressed to the candidate");
        }

        if (StateOfMind().IsMatch(text))
        {
            problems.Add("state of mind");
        }

        if (IsDangling(text))
        {
            problems.Add("dangling start");
        }

        return problems;
    }

    public static bool IsCutOff(string text) =>
        text.EndsWith('…') || text.EndsWith("...", StringComparison.Ordinal)
        || text.Count(c => c == '(') != text.Count(c => c == ')')
        || text.Count(c => c == '[') != text.Count(c => c == ']')
        || text.Count(c => c == '"') % 2 != 0
        || text.Count(c => c == '“') != text.Count(c => c == '”');

    /// <summary>First person outside quotations (a quoted name such as "'eating your own food'" is not the candidate).</summary>
    public static bool HasFirstPerson(string text) => FirstPerson().IsMatch(Unquoted(text));

    public static bool IsAddressedToCandidate(string text) => SecondPerson().IsMatch(Unquoted(text));

    private static string Unquoted(string text) => Quotation().Replace(text, "\"\"");

    public static bool IsDangling(string text) => Dangling().IsMatch(text);

    private static IEnumerable<string> AnchorProblems(IReadOnlyList<ScaleAnchor> anchors)
    {
        if (!anchors.Select(a => a.Score).SequenceEqual([1, 3, 5]))
        {
            yield return $"anchors are for levels {string.Join(", ", anchors.Select(a => a.Score))} (1, 3, 5 expected)";
        }

        if (anchors.Any(a => string.IsNullOrWhiteSpace(a.Anchor)))
        {
            yield return "an anchor is empty";
        }

        if (anchors.Select(a => a.Anchor).Distinct().Count() != anchors.Count)
        {
            yield return "two anchors say the same";
        }
    }

    private static IEnumerable<string> RedFlagProblems(IReadOnlyList<RedFlag> redFlags, ParsedQuestion question)
    {
        if (redFlags.Count == 0 || redFlags[^1] != StandardItems.SaidSomethingWrong)
        {
            yield return "the standard 'said something wrong' tick is not the last red flag";
        }

        if (redFlags.Select(f => f.Id).Distinct().Count() != redFlags.Count)
        {
            yield return "red flag ids repeat";
        }

        var kept = redFlags.SelectMany(f => Stems(f.Text)).ToHashSet();
        foreach (var source in question.Guidance.Where(g => g.Kind == GuidanceKind.RedFlag))
        {
            var missing = Stems(source.Text).Where(s => !kept.Contains(s)).ToList();
            if (missing.Count > 0)
            {
                yield return $"the source's red flag is not kept ({string.Join(", ", missing)} missing): {source.Text}";
            }
        }
    }

    /// <summary>The content words of a text by their first five letters, lead-in words ("answers that") aside.</summary>
    private static IEnumerable<string> Stems(string text) =>
        Word().Matches(text.ToLowerInvariant()).Select(m => m.Value)
            .Where(w => w.Length >= 4 && w is not ("answers" or "answer" or "responses" or "response" or "candidates" or "candidate" or "that" or "which" or "with" or "what"))
            .Select(w => w.Length > 5 ? w[..5] : w);

    [GeneratedRegex(
        @"^(?:Look for|Listen for|(?:A|An|The)\s+(?:good|strong|great|ideal|senior)\s+(?:candidate|answer|response|developer)|The candidate should|"
        + @"Candidates?\s+(?:should|might|may|will|must)|Strong (?:answers?|candidates?)|Applicants?\s+should|Interviewers?\b|This question|"
        + @"Your (?:response|answer|interviewer)|Hint:|How to structure|What to expect|Red flag)",
        RegexOptions.IgnoreCase)]
    private static partial Regex LeadIn();

    // "I" as a word ("I/O" is not), my, we, our, me, us (lower case: "US" is a country), let's.
    [GeneratedRegex(@"\bI\b(?![/-])|\b(?:[Mm]y|[Ww]e|[Oo]ur|[Oo]urs|[Mm]e|[Mm]ine|[Mm]yself|[Oo]urselves|us|[Ll]et's)\b")]
    private static partial Regex FirstPerson();

    [GeneratedRegex(@"\b(?:you|your|yours|yourself|yourselves)\b", RegexOptions.IgnoreCase)]
    private static partial Regex SecondPerson();

    [GeneratedRegex(
        @"\bunderstands\b|\b(?:an?|clear|good|solid|strong|deep|thorough)\s+understanding\b|\bfamiliar(?:ity)?\b|\bdemonstrat\w*\s+(?:an?\s+)?(?:knowledge|understanding)\b|\bcomprehensive\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex StateOfMind();

    // "It…", "This…", "So,…", "They…", "Then…", "Also…" at the start, or right after "Says"/"Mentions" ("Says that X"
    // is a conjunction, not a dangling "that").
    [GeneratedRegex(@"^(?:(?:Says|Mentions|Explains)\s+)?(?:It|Its|This|These|That|Those|So|Then|Also)\b|^They\b|^(?:Says|Mentions|Explains)\s+(?:it|its|this|these|those|so|then|also)\b")]
    private static partial Regex Dangling();

    [GeneratedRegex(@"(?<=^|[\s(])'[^']{2,80}'(?=$|[\s.,;:)!?])|""[^""]{2,80}""|“[^”]{2,80}”")]
    private static partial Regex Quotation();

    [GeneratedRegex(@"[a-z0-9][a-z0-9'-]*")]
    private static partial Regex Word();
}
