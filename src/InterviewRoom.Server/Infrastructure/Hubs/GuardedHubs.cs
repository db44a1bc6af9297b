using InterviewRoom.Server.Interview;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Connections.Features;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Protocol;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Server.Infrastructure.Hubs;

/// <summary>
/// Every hub of the server is mapped through here: a connection middleware in front of SignalR's hub handler gives
/// each connection a <see cref="ConnectionGuard"/> (its seat's call budget, when it last sent a readable message),
/// watched by <see cref="ConnectionWatch"/> and read by <see cref="GuardedHubProtocol"/> and the hub filter.
/// </summary>
internal static class GuardedHubs
{
    /// <summary>The guard's services, and SignalR's JSON protocol replaced by the guarded one (same name, same wire).</summary>
    public static ISignalRServerBuilder AddConnectionGuard(this ISignalRServerBuilder signalR)
    {
        var services = signalR.Services;
        services.AddSingleton<SeatBudgets>();
        services.AddSingleton<ConnectionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<ConnectionWatch>());
        services.RemoveAll<IHubProtocol>();
        services.AddSingleton<IHubProtocol>(sp => new GuardedHubProtocol(new JsonHubProtocol(sp.GetRequiredService<IOptions<JsonHubProtocolOptions>>())));
        return signalR;
    }

    /// <summary>
    /// What <c>MapHub</c> does (the hub's attributes as endpoint metadata, so its <c>[Authorize]</c> applies, and the
    /// hub's metadata), with the guard's middleware before the hub's connection handler.
    /// </summary>
    public static IEndpointConventionBuilder MapGuardedHub<THub>(this IEndpointRouteBuilder routes, string pattern)
        where THub : Hub
    {
        var endpoint = routes.MapConnections(pattern, new HttpConnectionDispatcherOptions(), connections => connections
            .Use(next => Guarded(next, connections.ApplicationServices))
            .UseHub<THub>());
        endpoint.Add(builder =>
        {
            foreach (var attribute in typeof(THub).GetCustomAttributes(inherit: true))
            {
                builder.Metadata.Add(attribute);
            }

            builder.Metadata.Add(new HubMetadata(typeof(THub)));
        });
        return endpoint;
    }

    private static ConnectionDelegate Guarded(ConnectionDelegate next, IServiceProvider services)
    {
        var budgets = services.GetRequiredService<SeatBudgets>();
        var watch = services.GetRequiredService<ConnectionWatch>();
        var time = services.GetRequiredService<TimeProvider>();
        return async connection =>
        {
            var user = connection.Features.Get<IConnectionUserFeature>()?.User;
            var seat = user is null ? null : Caller.TryFrom(user)?.ParticipantId;
            var guard = new ConnectionGuard(connection, seat, budgets.Acquire(seat), time);
            guard.Attach();
            watch.Add(guard);
            try
            {
                await next(connection);
            }
            finally
            {
                watch.Remove(guard);
                budgets.Release(seat);
            }
        };
    }
}
