using InterviewRoom.Contracts.Matchmaking;

namespace InterviewRoom.Server.Matchmaking;

internal static class MatchmakingSetup
{
    public static IServiceCollection AddMatchmaking(this IServiceCollection services)
    {
        services.AddOptions<MatchmakingOptions>().BindConfiguration(MatchmakingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<QueueSignal>();
        services.AddScoped<QueueService>();
        services.AddSingleton<MatchmakingWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MatchmakingWorker>());
        return services;
    }

    public static IEndpointRouteBuilder MapMatchmaking(this IEndpointRouteBuilder routes)
    {
        routes.MapHub<MatchmakingHub>(MatchmakingHubNames.Path);
        return routes;
    }
}
