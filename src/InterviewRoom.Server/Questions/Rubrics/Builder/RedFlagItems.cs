using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// The source's red flags, every one kept, one per line or sentence, with the lead-in turned into something the
/// interviewer sees happen: "Answers that never reference a specific project, employer, or measurable result" →
/// "Never references a specific project, employer, or measurable result" (12, 104); "Overly long, unfocused answers
/// that avoid the core of what was asked" → "Gives overly long, unfocused answers that avoid the core of what was
/// asked" (65, 158, 190). Ids "r1".."rn"; the builder adds no red flag of its own (a reviewer can).
/// </summary>
internal static partial class RedFlagItems
{
    public static IReadOnlyList<RedFlag> From(ParsedQuestion question) =>
        [.. question.Guidance
            .Where(g => g.Kind == GuidanceKind.RedFlag)
            .SelectMany(g => GuidanceItems.SentencesOf(g.Text))
            .Select(s => Phrase(ItemText.Tidy(s)))
            .Where(s => s.Length > 0)
            .Select((text, i) => new RedFlag($"r{i + 1}", text, RubricSources.Guidance))];

    private static string Phrase(string text)
    {
        var who = AnswersThat().Match(text);
        if (who.Success)
        {
            var adverb = who.Groups["adverb"].Value;
            var verb = Verbs.ThirdPerson(who.Groups["verb"].Value);
            return ItemText.UpperFirst($"{adverb}{verb}{text[who.Length..]}");
        }

        if (AnswersInside().IsMatch(text))
        {
            return $"Gives {char.ToLowerInvariant(text[0])}{text[1..]}";
        }

        return Verbs.IsImperative(text) ? $"{Verbs.ThirdPerson(text.Split(' ')[0])}{text[text.IndexOf(' ', StringComparison.Ordinal)..]}" : text;
    }

    [GeneratedRegex(@"^(?:Answers|Responses|Candidates|A candidate|The candidate|Someone)\s+(?:that|who)\s+(?<adverb>(?:never|not|only|just|still|always|\w+ly)\s+)?(?<verb>[a-z]+)")]
    private static partial Regex AnswersThat();

    [GeneratedRegex(@"\b(?:answers?|responses?)\s+(?:that|which)\b", RegexOptions.IgnoreCase)]
    private static partial Regex AnswersInside();
}
