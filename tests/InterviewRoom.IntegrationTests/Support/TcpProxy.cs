using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>
/// A loopback TCP forwarder in front of the server whose "network" a test can cut and restore: cutting
/// closes every open connection and refuses new ones, as a dropped Wi-Fi would.
/// </summary>
public sealed class TcpProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly ConcurrentDictionary<Socket, byte> open = new();
    private readonly CancellationTokenSource stop = new();
    private readonly int targetPort;
    private volatile bool cut;

    public TcpProxy(Uri target)
    {
        targetPort = target.Port;
        listener.Start();
        _ = AcceptAsync();
    }

    public Uri Address => new($"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}/");

    public void Cut()
    {
        cut = true;
        foreach (var socket in open.Keys)
        {
            Close(socket);
        }
    }

    public void Restore() => cut = false;

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        Cut();
        return ValueTask.CompletedTask;
    }

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await listener.AcceptSocketAsync(stop.Token);
            }
            catch (Exception) when (stop.IsCancellationRequested)
            {
                return;
            }

            if (cut)
            {
                Close(client);
                continue;
            }

            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(Socket client)
    {
        var server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        open[client] = 0;
        open[server] = 0;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            await using var clientStream = new NetworkStream(client, ownsSocket: false);
            await using var serverStream = new NetworkStream(server, ownsSocket: false);
            await Task.WhenAny(clientStream.CopyToAsync(serverStream, stop.Token), serverStream.CopyToAsync(clientStream, stop.Token));
        }
        catch (Exception)
        {
            // A cut or a closed peer ends the pair; either way both sides are closed below.
        }
        finally
        {
            Close(client);
            Close(server);
        }
    }

    private void Close(Socket socket)
    {
        open.TryRemove(socket, out _);
        try
        {
            socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception)
        {
            // Already closed.
        }

        socket.Close();
    }
}
