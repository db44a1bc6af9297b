using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Gives a question its kind (from the wording of the question) and its topic tags (from a fixed vocabulary,
/// <see cref="TopicVocabulary"/>). Rules are tried in order: system design, behavioural, opinion, else technical.
/// </summary>
public static partial class QuestionClassifier
{
    public static QuestionKind Classify(string questionText) =>
        SystemDesign().IsMatch(questionText) ? QuestionKind.SystemDesign
        : Behavioral().IsMatch(questionText) ? QuestionKind.Behavioral
        : Opinion().IsMatch(questionText) ? QuestionKind.Opinion
        : QuestionKind.Technical;

    /// <summary>
    /// Lower-case kebab-case tags, in vocabulary order. Taken from the question; when the question names no topic,
    /// from the reference answer (the two best-matching tags); never empty.
    /// </summary>
    public static IReadOnlyList<string> Topics(string questionText, string referenceAnswer)
    {
        var fromQuestion = TopicVocabulary.Tags.Where(t => t.Pattern.IsMatch(questionText)).Select(t => t.Name).ToList();
        if (fromQuestion.Count > 0)
        {
            return fromQuestion;
        }

        var fromAnswer = TopicVocabulary.Tags
            .Select(t => (t.Name, Hits: t.Pattern.Count(referenceAnswer)))
            .Where(t => t.Hits > 0)
            .OrderByDescending(t => t.Hits)
            .Take(2)
            .Select(t => t.Name)
            .ToList();
        return fromAnswer.Count > 0
            ? [.. TopicVocabulary.Tags.Select(t => t.Name).Where(fromAnswer.Contains)]
            : [Classify(questionText) == QuestionKind.Behavioral ? "career" : "architecture"];
    }

    // "Design a checkout service…" (193), "How would you design/architect…" (8, 40, 42, 95, 169),
    // "How do you design…" (103, 178), "develop a backend system…" (53), "building a distributed system…" (67).
    [GeneratedRegex(
        @"^Design\b|\bhow (would|do) you (design|architect)\b|\b(develop|build|building) an? (backend|distributed) system\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex SystemDesign();

    // Past experience, situations and working style.
    [GeneratedRegex(
        @"\b(you are proud|achieved|describe a (time|challenging project|backend project)|tell (me|us) about (a time|your)"
        + @"|give (me )?an example|a time you|have you worked|your experience|experienced with|your level of familiarity"
        + @"|what did you learn|motivates you|mentor|prioriti[sz]e tasks|multiple deadlines|late project|turn ?over"
        + @"|part of a team|soft skills|problem-solving|your current workflow|imagine your company|product asks you"
        + @"|concerns when working|lead the design)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Behavioral();

    // Questions that ask for a view rather than a fact: 7, 11, 20, 21, 57, 81, 90, 149, 183.
    [GeneratedRegex(
        @"\b(let's have a conversation|better than|when is it ok|if ever|too micro|make sense to|you wish|convince me"
        + @"|why is it said|hiring managers|in your opinion|do you think)\b",
        RegexOptions.IgnoreCase)]
    private static partial Regex Opinion();
}
