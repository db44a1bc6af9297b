using InterviewRoom.Contracts;
using InterviewRoom.Client;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>Hub connections for tests: plain ones (matchmaking, class hubs, as a third-party client would open them) and the typed interview client, for any server address.</summary>
public static class Hubs
{
    public static HubConnection Connect(this InterviewRoomFactory factory, string path, string? token = null) =>
        Connect(factory.BaseAddress, path, token);

    /// <summary>A plain connection to the hub at <paramref name="path"/> of the server at <paramref name="baseAddress"/>.</summary>
    public static HubConnection Connect(Uri baseAddress, string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, path.TrimStart('/')), options =>
            {
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .Build();

    /// <summary>The typed interview client for the server at <paramref name="baseAddress"/>, over WebSockets or the transport given.</summary>
    public static InterviewHubClient Interview(
        Uri baseAddress, string token, HttpTransportType? transport = null, Action<HttpConnectionOptions>? configure = null) =>
        InterviewHubClient.Create(baseAddress, token, options =>
        {
            if (transport is { } only)
            {
                options.Transports = only;
            }

            configure?.Invoke(options);
        });

    /// <summary>Records every <typeparamref name="T"/> pushed as <paramref name="eventName"/>.</summary>
    public static Recorder<T> Record<T>(this HubConnection connection, string eventName)
    {
        var recorder = new Recorder<T>();
        connection.On<T>(eventName, recorder.Add);
        return recorder;
    }
}
