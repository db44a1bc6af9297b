using System.Diagnostics;
using InterviewRoom.Contracts.Matchmaking;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;
using InterviewRoom.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using M = InterviewRoom.Contracts.Matchmaking.MatchmakingHubNames;

namespace InterviewRoom.IntegrationTests.Matchmaking;

[Collection(HeavyLoad.Name)]
public sealed class QueueTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly InterviewRoomFactory factory = new(null, new Dictionary<string, string?> { ["Matchmaking:MaxWait"] = "00:00:05" });
    private readonly List<HubConnection> connections = [];

    [Fact]
    public async Task HundredPeopleJoiningAtOnce_GetEveryCompatiblePairMadeExactlyOnce_AndTheLeftoversAreToldWhenTheirWaitEnds()
    {
        // 30 interviewers + 30 candidates on databases → 30 pairs; 10 interviewers + 10 "either" on security → 10;
        // 19 senior "either" on caching → 9 pairs and one left over; one junior on caching matches nobody.
        var people = new List<(string Name, QueueRequest Request)>();
        for (var i = 0; i < 30; i++)
        {
            people.Add(($"db-i{i}", new QueueRequest($"db-i{i}", ["databases"], null, QueueRole.Interviewer)));
            people.Add(($"db-c{i}", new QueueRequest($"db-c{i}", ["databases"], null, QueueRole.Candidate)));
        }

        for (var i = 0; i < 10; i++)
        {
            people.Add(($"sec-i{i}", new QueueRequest($"sec-i{i}", ["security"], null, QueueRole.Interviewer)));
            people.Add(($"sec-e{i}", new QueueRequest($"sec-e{i}", ["security"], null, QueueRole.Either)));
        }

        for (var i = 0; i < 19; i++)
        {
            people.Add(($"cache-s{i}", new QueueRequest($"cache-s{i}", ["caching"], [QuestionKind.Technical], QueueRole.Either, "Senior")));
        }

        people.Add(("cache-junior", new QueueRequest("cache-junior", ["caching"], null, QueueRole.Either, "junior")));
        Assert.Equal(100, people.Count);

        var clock = new Stopwatch();
        var pairedCount = 0;
        var allPaired = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
        var clients = new List<(string Name, QueueRequest Request, HubConnection Hub, Recorder<PairedEvent> Paired, Recorder<QueueClosedEvent> Closed)>();
        foreach (var (name, request) in people)
        {
            var hub = Track(factory.Connect(M.Path));
            hub.On<PairedEvent>(M.Events.Paired, _ =>
            {
                if (Interlocked.Increment(ref pairedCount) == 98)
                {
                    allPaired.TrySetResult(clock.Elapsed);
                }
            });
            clients.Add((name, request, hub, hub.Record<PairedEvent>(M.Events.Paired), hub.Record<QueueClosedEvent>(M.Events.QueueClosed)));
        }

        await Task.WhenAll(clients.Select(c => c.Hub.StartAsync()));

        // Everyone with a fixed role (and the caching group) joins at once, then the security "either" people
        // at once. A pass pairs whoever is waiting, so two "either" who arrived before any security interviewer
        // would rightly be paired with each other; joining them second makes the expected pairs independent of
        // the order the server happened to see the first wave in.
        static bool SecondWave(string name) => name.StartsWith("sec-e", StringComparison.Ordinal);
        clock.Start();
        await Task.WhenAll(clients.Where(c => !SecondWave(c.Name)).Select(c => c.Hub.InvokeAsync<QueueTicketView>(M.Methods.JoinQueue, c.Request)));
        await Task.WhenAll(clients.Where(c => SecondWave(c.Name)).Select(c => c.Hub.InvokeAsync<QueueTicketView>(M.Methods.JoinQueue, c.Request)));
        var elapsed = await allPaired.Task.WaitAsync(TimeSpan.FromSeconds(30));

        var byName = clients.Zip(clients.Select(c => c.Paired.All.SingleOrDefault()), (c, p) => (c.Name, c.Request, Paired: p))
            .ToDictionary(x => x.Name);
        var rooms = byName.Values.Where(x => x.Paired is not null).GroupBy(x => x.Paired!.RoomId).ToList();

        // 49 pairs: everyone but the junior and exactly one senior; each room has one interviewer and one candidate.
        Assert.Equal(49, rooms.Count);
        Assert.All(rooms, room =>
        {
            Assert.Equal(2, room.Count());
            Assert.Single(room, x => x.Paired!.Role == ParticipantRole.Interviewer);
            Assert.Single(room, x => x.Paired!.Role == ParticipantRole.Candidate);
            var (a, b) = (room.First(), room.Last());
            Assert.NotEqual(a.Name, b.Name);
            Assert.Equal(a.Name.Split('-')[0], b.Name.Split('-')[0]); // only compatible people meet
            Assert.Equal(b.Name, a.Paired!.PartnerName);
            Assert.All(room, x => Assert.True(x.Request.PreferredRole is QueueRole.Either || (x.Request.PreferredRole == QueueRole.Interviewer) == (x.Paired!.Role == ParticipantRole.Interviewer)));
        });
        Assert.All(byName.Values.Where(x => x.Name.StartsWith("db-", StringComparison.Ordinal) || x.Name.StartsWith("sec-", StringComparison.Ordinal)), x => Assert.NotNull(x.Paired));
        Assert.Null(byName["cache-junior"].Paired);
        Assert.Single(byName.Values, x => x.Name.StartsWith("cache-s", StringComparison.Ordinal) && x.Paired is null);
        Assert.All(clients, c => Assert.True(c.Paired.All.Count <= 1, $"{c.Name} was paired {c.Paired.All.Count} times"));
        Assert.Equal(49, await factory.WithDbAsync(db => db.Rooms.CountAsync()));

        // Each pair's token opens its own seat in its room.
        var sample = rooms[0].First().Paired!;
        await using (var seat = factory.Hub(sample.Token))
        {
            var state = await seat.StartAsync();
            Assert.Equal(sample.RoomId, state.RoomId);
            Assert.Equal(sample.Role, state.You.Role);
        }

        // The two left over are told, once their wait is over, and leave the queue.
        var junior = clients.Single(c => c.Name == "cache-junior");
        var closed = await junior.Closed.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(QueueClosedReason.TimedOut, closed.Reason);
        var lonelySenior = clients.Single(c => c.Name.StartsWith("cache-s", StringComparison.Ordinal) && c.Paired.All.Count == 0);
        await lonelySenior.Closed.NextAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(0, await factory.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.Status == QueueTicketStatus.Waiting)));

        output.WriteLine($"100 people joined at once: 49 pairs made (98 people told) in {elapsed.TotalMilliseconds:F0} ms from the first join to the last Paired.");
    }

    [Fact]
    public async Task LeavingOrDisconnecting_TakesAPersonOutOfTheQueue_AndNobodyIsPairedWithThem()
    {
        var leaver = await JoinAsync("leaver", QueueRole.Interviewer);
        Assert.True(await leaver.Hub.InvokeAsync<bool>(M.Methods.LeaveQueue));
        Assert.False(await leaver.Hub.InvokeAsync<bool>(M.Methods.LeaveQueue)); // twice is harmless

        var quitter = await JoinAsync("quitter", QueueRole.Interviewer);
        await quitter.Hub.StopAsync();
        await Eventually.TrueAsync(
            async () => await factory.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.Status == QueueTicketStatus.Left)) == 2,
            TimeSpan.FromSeconds(10), "the disconnected person's ticket to be withdrawn");

        var candidate = await JoinAsync("candidate", QueueRole.Candidate);
        var interviewer = await JoinAsync("interviewer", QueueRole.Interviewer);

        var paired = await candidate.Paired.NextAsync();
        Assert.Equal("interviewer", paired.PartnerName);
        Assert.Equal(ParticipantRole.Candidate, paired.Role);
        Assert.Equal("candidate", (await interviewer.Paired.NextAsync()).PartnerName);
        Assert.Empty(leaver.Paired.All);
    }

    [Fact]
    public async Task TwoInterviewers_AreNotPaired_AndARepeatedJoinKeepsThePlaceInTheQueue()
    {
        var first = await JoinAsync("first", QueueRole.Interviewer);
        var again = await first.Hub.InvokeAsync<QueueTicketView>(M.Methods.JoinQueue, new QueueRequest("first", PreferredRole: QueueRole.Interviewer));
        Assert.Equal(first.Ticket.TicketId, again.TicketId);

        var second = await JoinAsync("second", QueueRole.Interviewer);
        var either = await JoinAsync("either", QueueRole.Either);

        // "Either" takes the first interviewer, who has waited longest; the second keeps waiting.
        Assert.Equal("first", (await either.Paired.NextAsync()).PartnerName);
        Assert.Equal(ParticipantRole.Interviewer, (await first.Paired.NextAsync()).Role);
        Assert.Equal(1, await factory.WithDbAsync(db => db.QueueTickets.CountAsync(t => t.Status == QueueTicketStatus.Waiting)));
        Assert.Empty(second.Paired.All);
    }

    [Fact]
    public async Task Facets_ListTheBanksKindsAndTopics_WithoutAToken()
    {
        var facets = await factory.Api().GetFacetsAsync();

        Assert.Equal(200, facets.Kinds.Sum(k => k.Questions));
        Assert.Contains(facets.Kinds, k => k is { Name: "technical", Questions: 151 });
        Assert.Contains(facets.Topics, t => t.Name == "databases" && t.Questions > 0);
    }

    [Theory]
    [InlineData(null, "name is required")]
    [InlineData("", "name is required")]
    [InlineData("ok", "Unknown topic(s): astrology")]
    [InlineData("ok", "level is longer than 32 characters")]
    public async Task JoinQueue_WithBadInput_IsRefusedClearly_AndNothingIsQueued(string? name, string expected)
    {
        var hub = Track(factory.Connect(M.Path));
        await hub.StartAsync();
        var request = expected.StartsWith("Unknown", StringComparison.Ordinal) ? new QueueRequest(name, ["astrology"])
            : expected.StartsWith("level", StringComparison.Ordinal) ? new QueueRequest(name, Level: new string('x', 33))
            : new QueueRequest(name);

        var error = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<QueueTicketView>(M.Methods.JoinQueue, request));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.Equal(0, await factory.WithDbAsync(db => db.QueueTickets.CountAsync()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Task.WhenAll(connections.Select(c => c.DisposeAsync().AsTask()));
        await factory.DisposeAsync();
    }

    private async Task<(HubConnection Hub, QueueTicketView Ticket, Recorder<PairedEvent> Paired)> JoinAsync(string name, QueueRole role)
    {
        var hub = Track(factory.Connect(M.Path));
        var paired = hub.Record<PairedEvent>(M.Events.Paired);
        await hub.StartAsync();
        var ticket = await hub.InvokeAsync<QueueTicketView>(M.Methods.JoinQueue, new QueueRequest(name, PreferredRole: role));
        return (hub, ticket, paired);
    }

    private HubConnection Track(HubConnection connection)
    {
        connections.Add(connection);
        return connection;
    }
}
