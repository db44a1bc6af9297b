using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>An answer split into what a candidate may read and what only the interviewer should see.</summary>
internal sealed record ExtractedAnswer(string Answer, IReadOnlyList<GuidanceItem> Guidance);

/// <summary>
/// Splits interviewer guidance out of a reference answer, in document order. Labelled guidance runs from its label
/// to the next label; unlabelled guidance is whole sentences that speak about the candidate instead of answering
/// (see <see cref="GuidanceSentences"/>). "Sample Answer" is a label too, but what follows it is answer content.
/// </summary>
internal static partial class GuidanceExtractor
{
    public static ExtractedAnswer Extract(string text)
    {
        var guidance = new List<GuidanceItem>();
        var answer = new List<string>();
        var labels = Labels().Matches(text).Where(m => StartsSentence(text, m.Index)).ToList();

        var freeEnd = labels.Count > 0 ? labels[0].Index : text.Length;
        answer.Add(Unquote(SplitFreeText(text[..freeEnd], guidance)));

        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var end = i + 1 < labels.Count ? labels[i + 1].Index : text.Length;
            var body = text[(label.Index + label.Length)..end].Trim();
            if (body.Length == 0)
            {
                continue;
            }

            if (label.Groups["sample"].Success)
            {
                // What follows "Sample Answer" is the answer (23, 52, 103, 116, 125, 144, 173, 191).
                answer.Add(Unquote(body));
            }
            else
            {
                var (kind, keepLabel) = KindOf(label);
                var itemText = keepLabel ? $"{label.Value.Trim()} {body}" : body;
                guidance.Add(new GuidanceItem(kind, AnswerLayout.Format(itemText)));
            }
        }

        return new ExtractedAnswer(string.Join("\n\n", answer.Where(a => a.Length > 0)), guidance);
    }

    /// <summary>Keeps answer sentences verbatim and moves guidance sentences out.</summary>
    private static string SplitFreeText(string text, List<GuidanceItem> guidance)
    {
        var kept = new List<string>();
        var previousWasGuidance = false;
        foreach (var sentence in Sentences.Split(text))
        {
            if (GuidanceSentences.TryRestate(sentence, out var content))
            {
                guidance.Add(new GuidanceItem(GuidanceKind.Other, sentence));
                kept.Add(content);
                previousWasGuidance = true;
            }
            else if (GuidanceSentences.IsGuidance(sentence))
            {
                guidance.Add(new GuidanceItem(GuidanceKind.Other, sentence.TrimStart('*').Trim()));
                previousWasGuidance = true;
            }
            else
            {
                // After guidance, "Example For a high-traffic…" (122) / "Example I initiate…" (151) is the answer itself.
                kept.Add(previousWasGuidance ? ExampleLabel().Replace(sentence, string.Empty) : sentence);
                previousWasGuidance = false;
            }
        }

        return string.Join(' ', kept).Trim();
    }

    private static (GuidanceKind Kind, bool KeepLabel) KindOf(Match label) =>
        label.Groups["lookFor"].Success ? (GuidanceKind.LookFor, false)
        : label.Groups["redFlag"].Success ? (GuidanceKind.RedFlag, false)
        : label.Groups["expect"].Success ? (GuidanceKind.WhatToExpect, false)
        : label.Groups["wants"].Success ? (GuidanceKind.InterviewerWants, false)
        : label.Groups["attention"].Success ? (GuidanceKind.LookFor, false)
        : (GuidanceKind.Other, true);

    private static bool StartsSentence(string text, int index)
    {
        var before = text[..index].TrimEnd();
        return before.Length == 0 || before[^1] is '.' or '!' or '?' or ':' or '"' or '”' or '\'' or '’' or ')';
    }

    /// <summary>An answer that is one quotation ("“At a previous role…”", 42, 54, 178, 193) loses its quote marks.</summary>
    private static string Unquote(string text)
    {
        var trimmed = text.Trim();
        return trimmed.Length > 2 && trimmed[0] is '"' or '“' && trimmed[^1] is '"' or '”'
            && trimmed.AsSpan(1, trimmed.Length - 2).IndexOfAny('"', '“', '”') < 0
            ? trimmed[1..^1].Trim()
            : trimmed;
    }

    // Case-insensitive; the seed writes "Sample Answer", "Sample Answer:" and "Sample answer:".
    [GeneratedRegex(
        @"(?<lookFor>\bLook for:)|(?<redFlag>\bRed flags?:)|(?<expect>\bWhat to expect:)"
        + @"|(?<wants>\bWhat (the interviewer wants|interviewers want):)|(?<attention>\bWhat hiring managers should pay attention to\b:?)"
        + @"|(?<other>\bHow to structure your answer:|\bHint:)|(?<sample>\bSample answer\b:?)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Labels();

    [GeneratedRegex(@"^Example:?\s+(?=[A-Z])")]
    private static partial Regex ExampleLabel();
}
