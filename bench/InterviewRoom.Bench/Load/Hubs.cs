using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.Bench.Load;

/// <summary>
/// Raw <see cref="HubConnection"/>s: WebSockets only, negotiation skipped (the product allows it for clients that
/// send the token as a header, docs/protocol.md section 4), the product's JSON settings. Events are read into
/// small records that keep only what the generator needs, so the generator's core spends little on parsing.
/// </summary>
internal static class Hubs
{
    public static HubConnection Create(Uri server, string path, string token, IRetryPolicy? reconnect = null)
    {
        var builder = new HubConnectionBuilder()
            .WithUrl(new Uri(server, path.TrimStart('/')), HttpTransportType.WebSockets, options =>
            {
                options.SkipNegotiation = true;
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
            })
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions));
        if (reconnect is not null)
        {
            builder.WithAutomaticReconnect(reconnect);
        }

        return builder.Build();
    }

    /// <summary>Opens many connections, a few at a time; returns how long it took.</summary>
    public static async Task<TimeSpan> StartAllAsync(IEnumerable<HubConnection> connections, int parallel, CancellationToken cancellationToken = default)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = parallel, CancellationToken = cancellationToken },
            async (c, ct) => await c.StartAsync(ct));
        return clock.Elapsed;
    }

    public static async Task DisposeAllAsync(IEnumerable<HubConnection> connections) =>
        await Parallel.ForEachAsync(connections, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (c, _) => await c.DisposeAsync());
}

/// <summary>What the generator reads of a turn event or result.</summary>
internal sealed record TurnLite(Guid TurnId, int Ordinal, TurnStatus Status);

internal sealed record ScoreLite(Guid TurnId, int Version);

internal sealed record StateLite(Guid RoomId, TurnLite? CurrentTurn, IReadOnlyList<TurnLite> Turns);

/// <summary>Reconnects quickly and for a bounded time: 0-100 ms, then every 250-500 ms, for at most <paramref name="limit"/>.</summary>
internal sealed class FastRetry(TimeSpan limit) : IRetryPolicy
{
    public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
        retryContext.ElapsedTime > limit ? null
        : TimeSpan.FromMilliseconds(retryContext.PreviousRetryCount == 0 ? Random.Shared.Next(100) : 250 + Random.Shared.Next(250));
}
