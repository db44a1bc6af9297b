using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// The default answer time of a question nobody has reviewed yet (a reviewed rubric sets its own), by kind and
/// size (docs/rubrics.md): a story (behavioural) five minutes; an opinion four; a technical question five for a
/// short definition ("What is X?"), eight for code to read or something to build or fix, six otherwise; a system
/// design thirty, for requirements, a sketch, the data model and trade-offs.
/// </summary>
public static partial class TimeBoxes
{
    public static int DefaultSeconds(QuestionKind kind, string questionText) => kind switch
    {
        QuestionKind.Behavioral => 300,
        QuestionKind.Opinion => 240,
        QuestionKind.SystemDesign => 1800,
        QuestionKind.Technical when LooksLikeWork().IsMatch(questionText) => 480,
        QuestionKind.Technical when Definition().IsMatch(questionText) => 300,
        QuestionKind.Technical => 360,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown question kind."),
    };

    // Code in the question ("def …", "= …;", braces) or a task: implement, debug, optimize, identify the problem.
    [GeneratedRegex(@"\bdef\s|\bfunction\b|[{};]|\b(implement|debug|optimi[sz]e|refactor|identify|what's wrong|what is wrong|how would you (build|fix|handle))\b", RegexOptions.IgnoreCase)]
    private static partial Regex LooksLikeWork();

    // "What is a load balancer?", "What are web sockets?", "Define …": one idea to explain.
    [GeneratedRegex(@"^\s*(what (is|are) (an? |the )?[\w\s'’()-]{1,40}\?\s*$|define\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Definition();
}
