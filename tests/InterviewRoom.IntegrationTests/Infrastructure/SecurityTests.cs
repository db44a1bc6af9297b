using System.Net;
using System.Net.WebSockets;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.IntegrationTests.Infrastructure;

public sealed class SecurityTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    private const string AnswerCanary = "ANSWER-CANARY-51e0";

    [Fact]
    public async Task Logs_NeverContainTokensOrAnswerText_EvenForTokensInTheQueryString()
    {
        await using var session = await Session.StartAsync(factory);
        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(2), 60);
        await session.Candidate.SubmitAsync(turn.TurnId, $"My answer {AnswerCanary}");
        await session.InterviewerPushed.Submitted.NextAsync();

        // What a browser does: the token in the query string of the WebSocket request.
        using var socket = await RawHubSocket.OpenAsync(factory.BaseAddress, session.CandidateSeat.Token);
        var state = await InvokeOverRawSocketAsync(socket, "GetState");
        Assert.Contains(AnswerCanary, state);

        await session.Interviewer.EndAsync();
        var lines = factory.Logs.Lines();
        Assert.Contains(lines, l => l.Contains("answer submitted"));
        Assert.Contains(lines, l => l.Contains(session.Room.RoomId.ToString()) && l.Contains("TurnId"));
        foreach (var secret in new[] { session.Room.InterviewerToken, session.CandidateSeat.Token, AnswerCanary })
        {
            Assert.DoesNotContain(lines, l => l.Contains(secret));
        }
    }

    [Fact]
    public async Task Hub_FromAForeignOrigin_IsRefused_AndFromTheSameOrigin_IsAccepted()
    {
        var room = await factory.Api().CreateRoomAsync();
        using var evil = new ClientWebSocket();
        evil.Options.SetRequestHeader("Origin", "https://evil.test");
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => evil.ConnectAsync(HubUri(room.InterviewerToken), CancellationToken.None));
        Assert.Contains("403", refused.Message);

        // The same host and port under another scheme is another origin (a page served over https elsewhere).
        using var otherScheme = new ClientWebSocket();
        otherScheme.Options.SetRequestHeader("Origin", new UriBuilder(factory.BaseAddress) { Scheme = "https" }.Uri.GetLeftPart(UriPartial.Authority));
        var refusedScheme = await Assert.ThrowsAsync<WebSocketException>(() => otherScheme.ConnectAsync(HubUri(room.InterviewerToken), CancellationToken.None));
        Assert.Contains("403", refusedScheme.Message);

        using var same = await RawHubSocket.OpenAsync(factory.BaseAddress, room.InterviewerToken, origin: factory.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(WebSocketState.Open, same.Socket.State);
    }

    [Fact]
    public async Task Hub_WithAPublicBaseUrl_TakesItsOwnOriginFromIt_NotFromTheHostHeader()
    {
        // A DNS-rebinding page names itself in both Origin and Host; with the public address configured, the
        // Host header no longer makes an origin the server's own.
        await using var pinned = new InterviewRoomFactory(null, new Dictionary<string, string?> { ["Rooms:PublicBaseUrl"] = "https://rooms.example" });
        var room = await pinned.Api().CreateRoomAsync();
        using var rebound = new ClientWebSocket();
        rebound.Options.SetRequestHeader("Origin", pinned.BaseAddress.GetLeftPart(UriPartial.Authority));
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => rebound.ConnectAsync(RawHubSocket.HubUri(pinned.BaseAddress, room.InterviewerToken), CancellationToken.None));
        Assert.Contains("403", refused.Message);

        using var own = await RawHubSocket.OpenAsync(pinned.BaseAddress, room.InterviewerToken, origin: "https://rooms.example");
        Assert.Equal(WebSocketState.Open, own.Socket.State);
    }

    [Fact]
    public async Task Hub_WithoutAValidToken_IsRefused()
    {
        using var socket = new ClientWebSocket();
        var refused = await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(HubUri("forged"), CancellationToken.None));
        Assert.Contains("401", refused.Message);
    }

    [Fact]
    public async Task HubCalls_FloodingFromOneConnection_AreThrottled_AndTheConnectionSurvives()
    {
        await using var session = await Session.StartAsync(factory);
        var calls = await Task.WhenAll(Enumerable.Range(0, 60).Select(async _ =>
        {
            try
            {
                await session.Candidate.GetStateAsync();
                return "ok";
            }
            catch (Microsoft.AspNetCore.SignalR.HubException e)
            {
                return e.Message;
            }
        }));

        Assert.Contains("ok", calls);
        Assert.Contains(calls, c => c.Contains("Too many calls in a short time"));
        Assert.DoesNotContain(factory.Logs.Events, e => e.Level >= Serilog.Events.LogEventLevel.Error);
        Assert.Single(factory.Logs.Events, e => e.RenderMessage().Contains("throttled (")); // one line for the whole flood, not one per call
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await session.Candidate.GetStateAsync();
                return true;
            }
            catch (Microsoft.AspNetCore.SignalR.HubException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(10), "the call budget to refill");
    }

    [Fact]
    public async Task Responses_CarryAContentSecurityPolicy()
    {
        using var http = factory.Http();
        using var response = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task Tokens_OfOneRoom_DoNotOpenAnotherRoomsReport()
    {
        var api = factory.Api();
        var a = await api.CreateRoomAsync();
        var b = await api.CreateRoomAsync();
        var seatB = await api.JoinAsync(b.RoomCode, "Grace", ParticipantRole.Candidate);
        foreach (var token in new[] { b.InterviewerToken, seatB.Token })
        {
            var error = await Assert.ThrowsAsync<Client.InterviewRoomApiException>(() => api.GetReportAsync(a.RoomId, token));
            Assert.Equal(HttpStatusCode.NotFound, error.Status);
        }
    }

    private Uri HubUri(string token) => RawHubSocket.HubUri(factory.BaseAddress, token);

    private static async Task<string> InvokeOverRawSocketAsync(RawHubSocket socket, string method)
    {
        await socket.SendAsync($"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"{method}\",\"arguments\":[]}}\u001e");
        while (true)
        {
            var message = await socket.ReceiveAsync(TimeSpan.FromSeconds(10)) ?? throw new InvalidOperationException("The hub closed the connection.");
            if (message.Contains("\"type\":3"))
            {
                return message;
            }
        }
    }
}
