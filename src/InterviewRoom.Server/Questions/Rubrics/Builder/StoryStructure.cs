using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Server.Questions.Import;

namespace InterviewRoom.Server.Questions.Rubrics.Builder;

/// <summary>
/// A question that asks for the candidate's own past experience ("Describe a time you…", "What have you achieved…",
/// "Give an example of when you…", "Tell us about your experience with…", "Have you worked with…") is scored on the
/// shape of the candidate's story, never on its likeness to a sample story: a specific situation; the candidate's
/// own role and actions, not the team's; the difficulty or trade-off; a result, measured where possible; what they
/// learned or would do differently (Source standard, SourceDetail "story structure"). A measured result in the
/// sample story can appear as "e.g." ("e.g. reducing deployment time by 80%", 1). Checked on 1, 4, 10, 12, 23, 33,
/// 52, 54, 112, 139, 158, 159, 160, 184 and 190.
/// </summary>
internal static partial class StoryStructure
{
    public const string Detail = "story structure";

    public const string Note = "The reference answer is a sample story: score the structure of the candidate's own story, not its resemblance to this one.";

    /// <summary>True when the question asks for the candidate's own experience and the answer, if any, is a story.</summary>
    public static bool Applies(ParsedQuestion question) =>
        StoryQuestion().IsMatch(question.Text)
        && (question.ReferenceAnswer.Length == 0 || question.AnswerMismatch is not null || FirstPerson.Contains(question.ReferenceAnswer));

    /// <summary>The five story items; the situation, own role and result are the core of a passing story.</summary>
    public static IReadOnlyList<Criterion> Items(ParsedQuestion question)
    {
        var situation = Situation().Match(question.Text) is { Success: true } m
            ? $"Describes a specific {Situated(FirstPerson.SecondToThird(m.Groups["what"].Value.Trim()))}, not a general habit"
            : "Describes one specific situation (when, where, what was at stake), not a general habit";
        if (situation.Length > ItemText.MaxLength)
        {
            situation = "Describes one specific situation (when, where, what was at stake), not a general habit";
        }

        var result = ResultExample(question.ReferenceAnswer) is { } example
            ? $"Gives the result, measured where possible (e.g. {example})"
            : "Gives the result, measured where possible (time, errors, cost, users)";
        return
        [
            Item(situation, core: true),
            Item("Says what they did themselves, not only what the team did", core: true),
            Item("Names the difficulty or trade-off they faced and how they handled it", core: false),
            Item(result, core: true),
            Item("Says what they learned or would do differently", core: false),
        ];
    }

    /// <summary>How an anchor names a story item: "a specific situation", "their own role", "a result"…</summary>
    public static string ShortName(string item) =>
        item.StartsWith("Describes", StringComparison.Ordinal) ? "a specific situation"
        : item.StartsWith("Says what they did", StringComparison.Ordinal) ? "their own role and actions"
        : item.StartsWith("Names the difficulty", StringComparison.Ordinal) ? "the difficulty or trade-off"
        : item.StartsWith("Gives the result", StringComparison.Ordinal) ? "a measured result"
        : "what they learned";

    private static string Situated(string what) =>
        what.StartsWith("when ", StringComparison.Ordinal) ? "time " + what
        : what.StartsWith("how ", StringComparison.Ordinal) ? "example of " + what
        : what;

    private static Criterion Item(string text, bool core) =>
        new(string.Empty, text, RubricSources.Standard, core, Detail);

    /// <summary>"reducing deployment time by 80%" from a sample story: a short clause with a number and a change.</summary>
    private static string? ResultExample(string story) =>
        Sentences.Split(story)
            .SelectMany(s => ClauseBoundary().Split(s))
            .Select(c => LeadingWords().Replace(ItemText.Tidy(c), string.Empty))
            .FirstOrDefault(c => Measured().IsMatch(c) && Change().IsMatch(c) && c.Length <= 80 && !FirstPerson.Contains(c)
                && ItemText.IsWhole(c) && c.Split(' ').Length >= 3);

    [GeneratedRegex(
        @"\b(?:a time (?:you|when)|describe (?:a|an|your experience)\b|give (?:me |us )?an example|tell (?:me|us) about (?:a|an|your)|"
        + @"have you (?:ever )?(?:worked|led|built|used|had)|your (?:level of )?(?:experience|familiarity|understanding)|achieved|proud of|what did you learn)",
        RegexOptions.IgnoreCase)]
    private static partial Regex StoryQuestion();

    // "Describe a time you had to learn a new technology quickly" → "a specific time they had to learn…".
    [GeneratedRegex(
        @"\b(?:describe|tell (?:me|us) about|give (?:me |us )?an example of)\s+(?:(?:a|an)\s+)?(?<what>(?:time|project|situation|backend project|challenging project|when|how)\b[^?,.]*?)(?=\s+and\s+(?:explain|describe|tell|say|what|how)\b|[?,.]|$)",
        RegexOptions.IgnoreCase)]
    private static partial Regex Situation();

    [GeneratedRegex(@",\s+|;\s+|\s+and\s+(?=(?:reduc|improv|cut|increas|decreas|dropp))|\.\s+")]
    private static partial Regex ClauseBoundary();

    [GeneratedRegex(@"^(?:and|which|thereby|resulting in|we|I|after deploying|post-implementation)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex LeadingWords();

    [GeneratedRegex(@"\d+(?:[.,]\d+)?\s*(?:%|x\b|ms\b|milliseconds|seconds|minutes|hours|days|times|users|requests)|\b\d+x\b")]
    private static partial Regex Measured();

    [GeneratedRegex(@"\b(?:reduc\w*|improv\w*|cut|increas\w*|decreas\w*|dropp\w*|faster|saved|lower\w*|handled|down)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Change();
}
