using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Infrastructure.Hubs;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Interview.Timing;
using InterviewRoom.Server.ScaleOut;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Interview;

internal static class InterviewSetup
{
    /// <summary>Largest hub message accepted; the answer limit sits well below it, so a long answer gets a clear error.</summary>
    public const long MaxMessageBytes = 256 * 1024;

    public static IServiceCollection AddInterview(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSignalR(hub =>
            {
                hub.MaximumReceiveMessageSize = MaxMessageBytes;
                hub.KeepAliveInterval = TimeSpan.FromSeconds(10);
                hub.ClientTimeoutInterval = TimeSpan.FromSeconds(configuration.GetValue(HubSettings.ClientTimeoutKey, HubSettings.DefaultClientTimeoutSeconds));
                hub.EnableDetailedErrors = false;
                hub.AddFilter<InterviewHubFilter>();
            })
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .AddConnectionGuard()
            .AddRedisBackplane(configuration);
        services.AddSingleton<InterviewHubFilter>();
        services.AddSingleton<Presence>();
        services.AddSingleton<PresenceWriter>();
        services.AddHostedService<PresenceHeartbeat>();
        services.AddSingleton<DeadlineSignal>();
        services.AddSingleton<DeadlineWatcher>();
        services.AddHostedService(sp => sp.GetRequiredService<DeadlineWatcher>());
        services.AddSingleton<RoomStore>();
        services.AddHostedService<RoomStoreSweeper>();
        services.AddScoped<RoomNotifier>();
        services.AddScoped<InterviewService>();
        services.AddScoped<RoleSwapService>();
        return services;
    }

    public static IEndpointRouteBuilder MapInterview(this IEndpointRouteBuilder routes)
    {
        routes.MapGuardedHub<InterviewHub>(HubNames.Path);
        return routes;
    }
}
