using InterviewRoom.Contracts.Matchmaking;

using InterviewRoom.Server.Infrastructure.Hubs;

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
        routes.MapGuardedHub<MatchmakingHub>(MatchmakingHubNames.Path);
        return routes;
    }
}
