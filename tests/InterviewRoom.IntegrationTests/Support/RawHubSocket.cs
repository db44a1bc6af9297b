using System.Net.WebSockets;
using System.Text;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>A hub connection over a bare WebSocket, frame by frame, for what no well-behaved client sends.</summary>
public sealed class RawHubSocket : IDisposable
{
    public const string Handshake = "{\"protocol\":\"json\",\"version\":1}\u001e";

    private RawHubSocket(ClientWebSocket socket) => Socket = socket;

    public ClientWebSocket Socket { get; }

    public static Uri HubUri(Uri baseAddress, string token, string path = "/hubs/interview") =>
        new UriBuilder(baseAddress) { Scheme = "ws", Path = path, Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;

    /// <summary>Connects, sends the JSON handshake and waits for the server's empty handshake answer.</summary>
    public static async Task<RawHubSocket> OpenAsync(Uri baseAddress, string token, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(HubUri(baseAddress, token), CancellationToken.None);
        var raw = new RawHubSocket(socket);
        await raw.SendAsync(Handshake);
        var answer = await raw.ReceiveAsync(TimeSpan.FromSeconds(10));
        if (answer is null || !answer.StartsWith("{}\u001e", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"The hub did not accept the handshake: {answer ?? "(closed)"}");
        }

        return raw;
    }

    public Task SendAsync(string text) =>
        Socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next whole WebSocket message, or null once the server closed the connection.</summary>
    public async Task<string?> ReceiveAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            try
            {
                result = await Socket.ReceiveAsync(buffer, cancel.Token);
            }
            catch (WebSocketException)
            {
                return null; // closed without a close frame
            }

            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }

    /// <summary>Reads (and drops pings and pushes) until the server closes; throws if it has not within the timeout.</summary>
    public async Task<IReadOnlyList<string>> UntilClosedAsync(TimeSpan timeout)
    {
        var received = new List<string>();
        var until = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = until - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"The server did not close the connection within {timeout.TotalSeconds} s.");
            }

            try
            {
                var message = await ReceiveAsync(left);
                if (message is null)
                {
                    return received;
                }

                received.Add(message);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"The server did not close the connection within {timeout.TotalSeconds} s.");
            }
        }
    }

    public void Dispose() => Socket.Dispose();
}
