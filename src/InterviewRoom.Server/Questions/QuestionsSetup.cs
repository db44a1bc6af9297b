namespace InterviewRoom.Server.Questions;

internal static class QuestionsSetup
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services) =>
        services.AddScoped<QuestionBankImporter>();
}
