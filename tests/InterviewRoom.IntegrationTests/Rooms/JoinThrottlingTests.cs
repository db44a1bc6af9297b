using System.Net;
using System.Net.Http.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Classes;
using Xunit.Abstractions;

namespace InterviewRoom.IntegrationTests.Rooms;

/// <summary>Guessing is slow whichever way it is spread: per address, per code, and for creating rooms; each refusal says when to come back.</summary>
public sealed class JoinThrottlingTests(ITestOutputHelper output)
{
    [Fact]
    public async Task Join_500WrongCodesFromOneAddress_AreThrottledWith429AndRetryAfter()
    {
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?> { ["Rooms:JoinAttemptsPerMinute"] = "30" });
        using var http = factory.Http();
        var statuses = new List<HttpStatusCode>();
        ApiProblem? throttled = null;
        TimeSpan? retryAfter = null;
        for (var i = 0; i < 500; i++)
        {
            using var response = await http.PostAsJsonAsync($"/api/rooms/WRONG{i:D3}/join", new { name = "Eve", role = "candidate" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests && throttled is null)
            {
                throttled = await response.Content.ReadFromJsonAsync<ApiProblem>();
                retryAfter = response.Headers.RetryAfter?.Delta;
            }
        }

        // 30 a minute: the first 30 get the honest 404, the rest 429 (a minute boundary may admit 30 more).
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 30), statuses.Take(30));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 440, 470);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests));
        Assert.Equal("Too many attempts", throttled!.Title);
        Assert.Equal("too_many", throttled.Code);
        Assert.StartsWith("Too many join attempts; wait ", throttled.Detail);
        Assert.InRange(retryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Contains($"wait {retryAfter.Value.TotalSeconds:F0} s", throttled.Detail);
        output.WriteLine($"One address, 500 wrong codes in a burst: {statuses.Count(s => s != HttpStatusCode.TooManyRequests)} answered, Retry-After {retryAfter.Value.TotalSeconds:F0} s.");
    }

    [Fact]
    public async Task Join_OneCodeGuessedFromThirtyAddresses_IsThrottledPerCode()
    {
        // The test's requests all come from loopback: trusting it as the proxy lets X-Forwarded-For be 30 clients.
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownProxies:0"] = "127.0.0.1",
            ["Rooms:JoinAttemptsPerMinute"] = "30",
            ["Rooms:JoinAttemptsPerCodePerMinute"] = "60",
        });
        var room = await factory.Api().CreateRoomAsync();
        using var http = factory.Http();
        var statuses = new List<HttpStatusCode>();
        string? retryAfter = null;
        for (var guess = 0; guess < 10; guess++)
        {
            for (var address = 1; address <= 30; address++)
            {
                using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rooms/{room.RoomCode}/join")
                {
                    Content = JsonContent.Create(new { name = "Eve", role = "observer", observerKey = $"guess-{guess}-{address}" }),
                };
                request.Headers.Add("X-Forwarded-For", $"198.51.100.{address}");
                using var response = await http.SendAsync(request);
                statuses.Add(response.StatusCode);
                retryAfter ??= response.Headers.RetryAfter?.Delta?.TotalSeconds.ToString("F0");
            }
        }

        // Each address stays under its own 30, so only the code's 60 a minute stop them (a minute boundary may admit 60 more).
        var answered = statuses.Count(s => s != HttpStatusCode.TooManyRequests);
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 60), statuses.Take(60));
        Assert.InRange(answered, 60, 120);
        Assert.NotNull(retryAfter);
        output.WriteLine($"One code, 300 guesses from 30 addresses in a burst: {answered} answered (all 404), the rest 429, Retry-After {retryAfter} s.");
    }

    [Fact]
    public async Task Create_RoomsAndClassesOverTheLimitFromOneAddress_Are429WithRetryAfter()
    {
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?> { ["Rooms:CreatesPerMinute"] = "5" });
        var api = factory.Api();
        for (var i = 0; i < 3; i++)
        {
            await api.CreateRoomAsync();
        }

        await api.CreateClassAsync(new CreateClassRequest("Cohort A"));
        await api.CreateClassAsync(new CreateClassRequest("Cohort B"));

        var room = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.CreateRoomAsync());
        var session = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.CreateClassAsync(new CreateClassRequest("Cohort C")));
        foreach (var refused in new[] { room, session })
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, refused.Status);
            Assert.Equal("Too many attempts", refused.Problem!.Title);
            Assert.StartsWith("Too many rooms or classes created from this address; wait ", refused.Problem.Detail);
            Assert.InRange(refused.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        }

        // Joining is throttled on its own: the refused creations took nothing from it.
        Assert.Equal(InterviewRoom.Contracts.Rooms.ParticipantRole.Candidate,
            (await api.JoinAsync((await factory.WithDbAsync(db => Task.FromResult(db.Rooms.First().Code))), "Grace", InterviewRoom.Contracts.Rooms.ParticipantRole.Candidate)).Role);
    }
}
