using System.Text.RegularExpressions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Reads the scraped seed page (seed/backend-mock-interview-questions.txt): numbered questions, each a number line,
/// the question (one or more lines; code may be spread over lines), a "Reference answer" line, then the answer.
/// </summary>
/// <remarks>
/// <para>Page noise is dropped (<see cref="PageNoise"/>), mis-decoded characters repaired (<see cref="TextRepair"/>),
/// flattened tables and lists given their line breaks back (<see cref="AnswerLayout"/>).</para>
/// <para><b>Guidance does not stay in <see cref="ParsedQuestion.ReferenceAnswer"/>.</b> The reference answer keeps
/// only answer content, so a candidate shown it never reads interviewer guidance as if it were an answer; the guidance
/// ("Look for:", "Red flag:", "What to Expect:", "What the interviewer wants:", and unlabelled sentences such as
/// "A good candidate should…") goes to <see cref="ParsedQuestion.Guidance"/>, in document order, for the interviewer
/// and the rubric. An answer that was guidance only is left empty and flagged in
/// <see cref="ParsedQuestion.AnswerMismatch"/>, as is any answer that does not answer its question.</para>
/// <para>Duplicates are kept: <see cref="ParsedQuestion.DuplicateOfNumber"/> points at the first question with the
/// same text (case, spacing and punctuation aside).</para>
/// </remarks>
public static partial class SeedParser
{
    private const string AnswerMarker = "Reference answer";

    public static IReadOnlyList<ParsedQuestion> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var starts = FindQuestionStarts(lines);
        var questions = new List<ParsedQuestion>(starts.Count);
        var firstByText = new Dictionary<string, int>();

        for (var i = 0; i < starts.Count; i++)
        {
            var (number, questionStart, markerLine) = starts[i];
            var end = i + 1 < starts.Count ? starts[i + 1].QuestionStart - 1 : lines.Length;
            var question = ParseOne(number, lines[questionStart..markerLine], lines[(markerLine + 1)..end]);

            var key = NormalizeQuestion(question.Text);
            if (firstByText.TryGetValue(key, out var first))
            {
                question = question with { DuplicateOfNumber = first };
            }
            else
            {
                firstByText[key] = number;
            }

            questions.Add(question);
        }

        return questions;
    }

    private static ParsedQuestion ParseOne(int number, string[] questionLines, string[] answerLines)
    {
        var questionText = TextRepair.Repair(string.Join('\n', questionLines.Select(l => l.TrimEnd())).Trim());
        var answerText = TextRepair.Repair(PageNoise.RemoveInlineAds(string.Join('\n', answerLines.TakeWhile(l => !PageNoise.IsChromeLine(l)))));
        var extracted = GuidanceExtractor.Extract(answerText);
        var referenceAnswer = AnswerLayout.Format(extracted.Answer);
        var kind = QuestionClassifier.Classify(questionText);

        return new ParsedQuestion
        {
            Number = number,
            Text = questionText,
            ReferenceAnswer = referenceAnswer,
            Kind = kind,
            Topics = QuestionClassifier.Topics(questionText, referenceAnswer),
            DefaultTimeLimitSeconds = TimeBoxes.DefaultSeconds(kind, questionText),
            Guidance = extracted.Guidance,
            AnswerMismatch = AnswerMismatches.Find(questionText, referenceAnswer, extracted.Guidance),
        };
    }

    /// <summary>
    /// A question starts at a line holding only a number greater than the previous question's, followed by at least
    /// one question line and then the "Reference answer" line. Everything before the first start (the newsletter
    /// header) is never read; lines such as "1 100% Pass Rate" are not numbers on their own and cannot start one.
    /// </summary>
    private static List<(int Number, int QuestionStart, int MarkerLine)> FindQuestionStarts(string[] lines)
    {
        const int maxQuestionLines = 40;
        var starts = new List<(int, int, int)>();
        var previous = 0;
        for (var i = 0; i < lines.Length; i++)
        {
            if (!NumberLine().IsMatch(lines[i]) || !int.TryParse(lines[i].Trim(), out var number) || number <= previous)
            {
                continue;
            }

            var marker = Array.FindIndex(lines, i + 1, Math.Min(maxQuestionLines, lines.Length - i - 1), IsAnswerMarker);
            var between = marker < 0 ? [] : lines[(i + 1)..marker];
            if (marker < 0 || !between.Any(l => l.Trim().Length > 0) || between.Any(l => NumberLine().IsMatch(l)))
            {
                continue;
            }

            starts.Add((number, i + 1, marker));
            previous = number;
            i = marker;
        }

        return starts;
    }

    /// <summary>Lower case, letters and digits only: the text two questions must share to be the same question.</summary>
    internal static string NormalizeQuestion(string questionText) =>
        NonAlphanumeric().Replace(questionText.ToLowerInvariant(), " ").Trim();

    private static bool IsAnswerMarker(string line) => line.Trim().Equals(AnswerMarker, StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"[^\p{L}\p{N}]+")]
    private static partial Regex NonAlphanumeric();

    [GeneratedRegex(@"^\s*\d{1,4}\s*$")]
    private static partial Regex NumberLine();
}
