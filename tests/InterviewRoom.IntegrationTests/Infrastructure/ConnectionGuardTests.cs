using System.Text;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Serilog.Events;

namespace InterviewRoom.IntegrationTests.Infrastructure;

/// <summary>
/// Connections the server must not keep: silent ones, ones that send frames the protocol does not know, ones that
/// flood it with calls it cannot bind; and one call budget per seat, however many connections it opens (issue 13,
/// findings 6 and 7).
/// </summary>
public sealed class ConnectionGuardTests : IAsyncLifetime
{
    private const int StrictTimeoutSeconds = 5;

    // Short client timeout, slow refill: what the guard does shows within seconds.
    private readonly InterviewRoomFactory strict = new(null, new Dictionary<string, string?>
    {
        ["Hub:ClientTimeoutSeconds"] = $"{StrictTimeoutSeconds}",
        ["Hub:CallBurst"] = "20",
        ["Hub:CallsPerSecond"] = "1",
    });

    // The shipped settings (30 s client timeout): a close within seconds is not the timeout.
    private readonly InterviewRoomFactory standard = new();

    [Fact]
    public async Task AConnectionThatNeverSendsAfterTheHandshake_IsClosedAfterTheClientTimeout_AndItsSeatGoesOffline()
    {
        var (room, candidate) = await RoomWithCandidateAsync(strict);
        using var silent = await RawHubSocket.OpenAsync(strict.BaseAddress, candidate.Token);
        await Eventually.TrueAsync(async () => await LiveConnectionsAsync(strict, candidate.ParticipantId) == 1, TimeSpan.FromSeconds(10), "the seat online");

        await silent.UntilClosedAsync(TimeSpan.FromSeconds(StrictTimeoutSeconds + 10)); // the server's pings do not count
        await Eventually.TrueAsync(async () => await LiveConnectionsAsync(strict, candidate.ParticipantId) == 0, TimeSpan.FromSeconds(10), "the seat's presence gone");

        await using var interviewer = strict.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        var state = await interviewer.GetStateAsync();
        Assert.False(state.Participants.Single(p => p.ParticipantId == candidate.ParticipantId).Online);
        Assert.Single(strict.Logs.Events, e => e.RenderMessage().Contains("nothing readable received"));
    }

    [Fact]
    public async Task AFrameOfAnUnknownMessageType_ClosesItsConnectionAtOnce_WithOneLogLineAndNoError()
    {
        var (_, candidate) = await RoomWithCandidateAsync(standard);
        using var socket = await RawHubSocket.OpenAsync(standard.BaseAddress, candidate.Token);
        await Eventually.TrueAsync(async () => await LiveConnectionsAsync(standard, candidate.ParticipantId) == 1, TimeSpan.FromSeconds(10), "the seat online");

        await socket.SendAsync("{\"type\":99}\u001e{\"type\":1,\"invocationId\":\"1\",\"target\":\"GetState\",\"arguments\":[]}\u001e");
        var received = await socket.UntilClosedAsync(TimeSpan.FromSeconds(10)); // well inside the 30 s timeout
        Assert.DoesNotContain(received, m => m.Contains("\"invocationId\":\"1\""));
        await Eventually.TrueAsync(async () => await LiveConnectionsAsync(standard, candidate.ParticipantId) == 0, TimeSpan.FromSeconds(10), "the seat's presence gone");
        Assert.Single(standard.Logs.Events, e => e.RenderMessage().Contains("frames the server could not read"));
        Assert.DoesNotContain(standard.Logs.Events, e => e.Level >= LogEventLevel.Error);
    }

    [Fact]
    public async Task CallsToMethodsThatDoNotExist_SpendTheCallBudget_AndPastItTheConnectionCloses()
    {
        const int Frames = 500;
        var (_, candidate) = await RoomWithCandidateAsync(standard);
        using var socket = await RawHubSocket.OpenAsync(standard.BaseAddress, candidate.Token);
        var flood = new StringBuilder();
        for (var i = 0; i < Frames; i++)
        {
            flood.Append($"{{\"type\":1,\"invocationId\":\"{i}\",\"target\":\"NoSuchMethod\",\"arguments\":[]}}\u001e");
        }

        await socket.SendAsync(flood.ToString());
        var received = await socket.UntilClosedAsync(TimeSpan.FromSeconds(20));
        var answered = received.Sum(m => m.Split('\u001e').Count(f => f.Contains("\"type\":3")));
        Assert.InRange(answered, 1, 40); // the burst of 20 (plus what refilled meanwhile), then the close
        Assert.DoesNotContain(standard.Logs.Events, e => e.Level >= LogEventLevel.Error);
        Assert.True(standard.Logs.Events.Count(e => e.RenderMessage().Contains("could not read")) <= 1);
    }

    [Fact]
    public async Task OneSeat_OverFiveConnections_HasOneCallBudget_NotFive()
    {
        const int Connections = 5;
        const int CallsEach = 20;
        var room = await strict.Api().CreateRoomAsync();
        var clients = new List<InterviewRoom.Client.InterviewHubClient>();
        try
        {
            for (var i = 0; i < Connections; i++)
            {
                var client = strict.Hub(room.InterviewerToken);
                clients.Add(client);
                await client.StartAsync();
            }

            var calls = await Task.WhenAll(clients.SelectMany(c => Enumerable.Range(0, CallsEach).Select(async _ =>
            {
                try
                {
                    await c.GetStateAsync();
                    return true;
                }
                catch (HubException e) when (e.Message.Contains("Too many calls in a short time"))
                {
                    return false;
                }
            })));

            // A budget per connection let (nearly) all 100 through. The seat's one budget holds a burst of 20, less the
            // GetState each client makes as it starts, plus a refill of one a second.
            Assert.InRange(calls.Count(ok => ok), 10, 35);
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await strict.DisposeAsync();
        await standard.DisposeAsync();
    }

    private static async Task<(CreateRoomResponse Room, JoinRoomResponse Candidate)> RoomWithCandidateAsync(InterviewRoomFactory factory)
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        return (room, await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate));
    }

    private static Task<int> LiveConnectionsAsync(InterviewRoomFactory factory, Guid participantId) =>
        factory.WithDbAsync(db => db.LiveConnections.CountAsync(c => c.PrincipalId == participantId));
}
