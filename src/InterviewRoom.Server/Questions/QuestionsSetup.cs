namespace InterviewRoom.Server.Questions;

internal static class QuestionsSetup
{
    public static IServiceCollection AddQuestionBank(this IServiceCollection services) =>
        services.AddMemoryCache().AddSingleton<QuestionCatalog>().AddScoped<QuestionBankImporter>().AddScoped<BankFacets>();
}
