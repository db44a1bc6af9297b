using System.Net;
using System.Net.Http.Json;
using InterviewRoom.Client;

namespace InterviewRoom.IntegrationTests.Rooms;

public sealed class JoinThrottlingTests
{
    [Fact]
    public async Task Join_500WrongCodesFromOneAddress_AreThrottledWith429()
    {
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?> { ["Rooms:JoinAttemptsPerMinute"] = "30" });
        using var http = factory.Http();
        var statuses = new List<HttpStatusCode>();
        ApiProblem? throttled = null;
        for (var i = 0; i < 500; i++)
        {
            using var response = await http.PostAsJsonAsync($"/api/rooms/WRONG{i:D3}/join", new { name = "Eve", role = "candidate" });
            statuses.Add(response.StatusCode);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throttled ??= await response.Content.ReadFromJsonAsync<ApiProblem>();
            }
        }

        // 30 a minute: the first 30 get the honest 404, the rest 429 (a minute boundary may admit 30 more).
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 30), statuses.Take(30));
        Assert.InRange(statuses.Count(s => s == HttpStatusCode.TooManyRequests), 440, 470);
        Assert.All(statuses, s => Assert.True(s is HttpStatusCode.NotFound or HttpStatusCode.TooManyRequests));
        Assert.Contains("Too many join attempts", throttled!.Detail);
    }
}
