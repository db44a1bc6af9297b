using System.Collections.Concurrent;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// Records every byte the server sends to one client. Used with the long-polling transport, where every
/// frame (pushes, invocation results, errors, the handshake) arrives in an HTTP response body.
/// </summary>
public sealed class FrameRecorder() : DelegatingHandler(new SocketsHttpHandler())
{
    private readonly ConcurrentQueue<string> bodies = new();

    public string Everything => string.Join("\n", bodies);

    public int ResponseCount => bodies.Count;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        await response.Content.LoadIntoBufferAsync(cancellationToken);
        bodies.Enqueue(await response.Content.ReadAsStringAsync(cancellationToken));
        return response;
    }
}
