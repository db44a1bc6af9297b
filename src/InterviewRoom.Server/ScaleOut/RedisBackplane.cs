using InterviewRoom.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace InterviewRoom.Server.ScaleOut;

/// <summary>
/// <c>ConnectionStrings:Redis</c> switches on SignalR's Redis backplane, so a push reaches clients on every
/// instance. It is wrapped (<see cref="ResilientHubLifetimeManager{THub}"/>) so that an instance starts and keeps
/// serving its own connections while Redis is unreachable (ADR 0012).
/// </summary>
internal static class RedisBackplane
{
    public const string ConnectionStringName = "Redis";
    public const string ChannelPrefix = "InterviewRoom";

    public static ISignalRServerBuilder AddRedisBackplane(this ISignalRServerBuilder signalR, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return signalR; // one instance: SignalR's in-memory default
        }

        var services = signalR.Services;
        services.AddSingleton<BackplaneState>();
        signalR.AddStackExchangeRedis(connectionString, redis =>
        {
            redis.Configuration.ChannelPrefix = RedisChannel.Literal(ChannelPrefix);

            // Start without Redis and keep retrying in the background; while it is down, fail a publish at once
            // (the wrapper then delivers locally) instead of queueing it for seconds.
            redis.Configuration.AbortOnConnectFail = false;
            redis.Configuration.BacklogPolicy = BacklogPolicy.FailFast;
            redis.Configuration.ConnectRetry = 1;
            redis.Configuration.ConnectTimeout = 2000;
        });

        // The Redis manager stays available by its own type; the one SignalR resolves is the wrapper.
        services.AddSingleton(typeof(RedisHubLifetimeManager<>));
        services.AddSingleton(typeof(DefaultHubLifetimeManager<>));
        services.AddSingleton(typeof(HubLifetimeManager<>), typeof(ResilientHubLifetimeManager<>));
        services.AddOptions<RedisOptions>().PostConfigure<BackplaneState>((redis, state) =>
            redis.ConnectionFactory = async log =>
            {
                var multiplexer = await ConnectionMultiplexer.ConnectAsync(redis.Configuration, log);
                state.Watch(multiplexer);
                return multiplexer;
            });
        return signalR;
    }
}
