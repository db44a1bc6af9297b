using InterviewRoom.Contracts.Questions;

namespace InterviewRoom.Server.Questions.Import;

/// <summary>
/// Default answer time per kind of question: three minutes for a story (behavioural) or an explanation (technical),
/// two for an opinion, ten for a system design, which needs requirements, a sketch and trade-offs.
/// </summary>
public static class TimeBoxes
{
    public static int DefaultSeconds(QuestionKind kind) => kind switch
    {
        QuestionKind.Behavioral => 180,
        QuestionKind.Technical => 180,
        QuestionKind.Opinion => 120,
        QuestionKind.SystemDesign => 600,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown question kind."),
    };
}
