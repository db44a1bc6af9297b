using System.Net;
using System.Net.Http.Json;

namespace InterviewRoom.IntegrationTests.Infrastructure;

/// <summary>
/// The join throttle counts per client address; X-Forwarded-For may name that address only when a configured proxy
/// sent it. The requests here come from 127.0.0.1; ASP.NET Core's "behind a proxy" switch is on in both tests.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task Join_SpoofedForwardedFor_FromASenderThatIsNoListedProxy_IsIgnored()
    {
        var statuses = await JoinWithForwardedForAsync(knownProxy: "192.0.2.10", i => $"203.0.113.{i}");

        // Every request counts for 127.0.0.1, whatever address it claims: the sixth is refused.
        Assert.Equal(Enumerable.Repeat(HttpStatusCode.NotFound, 5), statuses.Take(5));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[5]);
    }

    [Fact]
    public async Task Join_ForwardedFor_FromAListedProxy_CountsEachClientAddress()
    {
        var distinct = await JoinWithForwardedForAsync(knownProxy: "127.0.0.1", i => $"203.0.113.{i}");
        var same = await JoinWithForwardedForAsync(knownProxy: "127.0.0.1", _ => "203.0.113.77");

        Assert.All(distinct, s => Assert.Equal(HttpStatusCode.NotFound, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, same[5]);
    }

    [Fact]
    public async Task Start_WithAProxyListThatIsNoAddress_StopsWithAClearMessage()
    {
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders:KnownNetworks:0"] = "the proxy",
        });

        var error = Assert.ThrowsAny<Exception>(() => factory.StartServer());
        Assert.Contains("ForwardedHeaders:KnownNetworks", error.ToString());
    }

    private static async Task<List<HttpStatusCode>> JoinWithForwardedForAsync(string knownProxy, Func<int, string> forwardedFor)
    {
        await using var factory = new InterviewRoomFactory(null, settings: new Dictionary<string, string?>
        {
            ["ForwardedHeaders_Enabled"] = "true",
            ["ForwardedHeaders:KnownProxies:0"] = knownProxy,
            ["Rooms:JoinAttemptsPerMinute"] = "5",
        });
        using var http = factory.Http();
        var statuses = new List<HttpStatusCode>();
        for (var i = 1; i <= 6; i++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/rooms/WRONG{i:D3}/join")
            {
                Content = JsonContent.Create(new { name = "Eve", role = "candidate" }),
            };
            request.Headers.Add("X-Forwarded-For", forwardedFor(i));
            using var response = await http.SendAsync(request);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
