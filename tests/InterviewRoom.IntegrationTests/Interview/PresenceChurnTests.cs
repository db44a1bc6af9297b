using System.Net.WebSockets;
using System.Text;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;
using Xunit.Abstractions;

namespace InterviewRoom.IntegrationTests.Interview;

/// <summary>
/// Presence that cannot leak: connections that drop right after their handshake, while the connect handler is
/// writing their row and telling the room, leave no row behind and nobody shown online (issue 13, finding 1).
/// </summary>
[Collection(HeavyLoad.Name)]
public sealed class PresenceChurnTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Rooms = 10;
    private const int Cycles = 1_000;
    private const int AtOnce = 25;

    private readonly InterviewRoomFactory factory = new();

    [Fact]
    public async Task ConnectionsDroppedRightAfterTheHandshake_LeaveNoPresenceRow_NobodyOnline_AndNoErrorInTheLog()
    {
        var api = factory.Api();
        var seats = new List<(Guid RoomId, string InterviewerToken, string CandidateToken)>();
        for (var i = 0; i < Rooms; i++)
        {
            var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", $"Churn {i}"));
            var candidate = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
            seats.Add((room.RoomId, room.InterviewerToken, candidate.Token));
        }

        var tokens = seats.SelectMany(s => new[] { s.InterviewerToken, s.CandidateToken }).ToList();
        var next = -1;
        await Task.WhenAll(Enumerable.Range(0, AtOnce).Select(async _ =>
        {
            int cycle;
            while ((cycle = Interlocked.Increment(ref next)) < Cycles)
            {
                await ConnectAndDropAsync(tokens[cycle % tokens.Count]);
            }
        }));

        // The rows go with their connections (the disconnect handler, or the writer's sweep at the latest).
        var rows = -1;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            await Eventually.TrueAsync(
                async () => (rows = await factory.WithDbAsync(db => db.LiveConnections.CountAsync())) == 0,
                TimeSpan.FromSeconds(45), $"no presence row left after {Cycles} dropped connections");
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException($"{timeout.Message}; {rows} rows are left", timeout);
        }

        output.WriteLine($"{Cycles} connections dropped after their handshake: no presence row left {clock.ElapsedMilliseconds} ms after the last.");

        // Someone who opens the room now sees nobody else online.
        await using var interviewer = factory.Hub(seats[0].InterviewerToken);
        var state = await interviewer.StartAsync();
        Assert.True(state.You.Online);
        Assert.All(state.Participants.Where(p => p.ParticipantId != state.You.ParticipantId), p => Assert.False(p.Online, $"{p.Name} shown online"));

        // Dropped connections are no server error: nothing at Error, no stack trace for a cancelled connect or call.
        Assert.Empty(factory.Logs.Events.Where(e => e.Level >= LogEventLevel.Error).Select(e => e.RenderMessage()));
        Assert.DoesNotContain(factory.Logs.Events, e => e.Exception is OperationCanceledException);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await factory.DisposeAsync();

    /// <summary>Opens the hub's WebSocket, sends the handshake and aborts at once, without waiting for the answer.</summary>
    private async Task ConnectAndDropAsync(string token)
    {
        using var socket = new ClientWebSocket();
        var uri = new UriBuilder(factory.BaseAddress)
        {
            Scheme = "ws",
            Path = "/hubs/interview",
            Query = $"access_token={Uri.EscapeDataString(token)}",
        }.Uri;
        await socket.ConnectAsync(uri, CancellationToken.None);
        await socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"json\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        socket.Abort();
    }
}
