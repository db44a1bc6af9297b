using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>Plain SignalR connections to the hubs without a typed client (matchmaking, class), as a third-party client would open them.</summary>
public static class Hubs
{
    public static HubConnection Connect(this InterviewRoomFactory factory, string path, string? token = null) =>
        new HubConnectionBuilder()
            .WithUrl(new Uri(factory.BaseAddress, path.TrimStart('/')), options =>
            {
                if (token is not null)
                {
                    options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                }
            })
            .AddJsonProtocol(json =>
            {
                json.PayloadSerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
                json.PayloadSerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            })
            .Build();

    /// <summary>Records every <typeparamref name="T"/> pushed as <paramref name="eventName"/>.</summary>
    public static Recorder<T> Record<T>(this HubConnection connection, string eventName)
    {
        var recorder = new Recorder<T>();
        connection.On<T>(eventName, recorder.Add);
        return recorder;
    }
}
