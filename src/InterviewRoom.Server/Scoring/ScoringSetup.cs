namespace InterviewRoom.Server.Scoring;

internal static class ScoringSetup
{
    /// <summary>Saving scores; the hub's <c>Score</c> calls <see cref="ScoreService"/>. The calculator and the input rules are static.</summary>
    public static IServiceCollection AddScoring(this IServiceCollection services)
    {
        services.AddScoped<ScoreService>();
        return services;
    }
}
