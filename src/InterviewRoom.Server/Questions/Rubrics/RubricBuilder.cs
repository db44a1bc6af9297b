using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics;

/// <summary>
/// Builds a question's rubric. Criteria come from its guidance (Look for, What to Expect, What the interviewer wants
/// and unlabelled guidance; Source is the guidance kind in camelCase, e.g. "lookFor"); where there is none, from the key points of the reference
/// answer (Source "referenceAnswer"). Red flags come from "Red flag:" guidance. Ids are "c1".."cn" and "r1".."rn",
/// in document order, so the same input always yields the same rubric.
/// </summary>
public static partial class RubricBuilder
{
    public const string ReferenceAnswerSource = "referenceAnswer";

    public const string DefaultSource = "default";

    public static RubricContent Build(ParsedQuestion question)
    {
        ArgumentNullException.ThrowIfNull(question);
        var referenceAnswer = question.ReferenceAnswer;
        var guidance = question.Guidance;

        var criteria = guidance
            .Where(g => g.Kind != GuidanceKind.RedFlag)
            .SelectMany(g => CriterionTexts(g).Select(text => (Text: text, Source: System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(g.Kind.ToString()))))
            .ToList();
        if (criteria.Count == 0)
        {
            criteria = [.. KeyPoints.From(referenceAnswer).Select(text => (text, ReferenceAnswerSource))];
        }

        if (criteria.Count == 0)
        {
            criteria = [("Gives a relevant, correct answer to the question.", DefaultSource)];
        }

        var redFlags = guidance
            .Where(g => g.Kind == GuidanceKind.RedFlag)
            .SelectMany(g => KeyPoints.Lines(g.Text))
            .Select((text, i) => new RedFlag($"r{i + 1}", text))
            .ToList();

        return new RubricContent(
            [.. criteria.Select((c, i) => new Criterion($"c{i + 1}", c.Text, c.Source))],
            StandardItems.WithSaidSomethingWrong(redFlags),
            []);
    }

    /// <summary>
    /// One criterion per guidance item, except a list ("- a - b", one item per line) and a single-sentence
    /// "Look for: X, Y, and Z" of short parts, which become one criterion per part.
    /// </summary>
    private static IEnumerable<string> CriterionTexts(GuidanceItem item)
    {
        var lines = KeyPoints.Lines(item.Text);
        if (lines.Count > 1)
        {
            return lines;
        }

        var text = lines.Count == 1 ? lines[0] : item.Text.Trim();
        if (item.Kind == GuidanceKind.LookFor && !SentenceInside().IsMatch(text))
        {
            var parts = ListSeparator().Split(text.TrimEnd('.')).Select(p => p.Trim()).ToList();
            if (parts.Count >= 3 && parts.All(p => p.Length > 0 && p.Split(' ').Length <= 6 && !p.Contains('(')))
            {
                return parts.Select(p => char.ToUpperInvariant(p[0]) + p[1..]);
            }
        }

        return [text];
    }

    [GeneratedRegex(@",\s*(?:and\s+|or\s+)?")]
    private static partial Regex ListSeparator();

    // A full stop followed by more text: the item is more than one sentence.
    [GeneratedRegex(@"[.!?]\s+\S")]
    private static partial Regex SentenceInside();
}
