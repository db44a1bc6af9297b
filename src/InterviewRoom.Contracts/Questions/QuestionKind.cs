namespace InterviewRoom.Contracts.Questions;

/// <summary>What sort of question this is; it sets the default time box.</summary>
public enum QuestionKind
{
    Behavioral,
    Technical,
    SystemDesign,
    Opinion,
}
