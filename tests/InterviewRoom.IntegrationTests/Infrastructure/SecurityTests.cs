using System.Net;
using System.Net.WebSockets;
using System.Text;
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
        using var socket = await OpenBrowserStyleSocketAsync(session.CandidateSeat.Token);
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

        using var same = await OpenBrowserStyleSocketAsync(room.InterviewerToken, origin: factory.BaseAddress.GetLeftPart(UriPartial.Authority));
        Assert.Equal(WebSocketState.Open, same.State);
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

    private Uri HubUri(string token) =>
        new UriBuilder(factory.BaseAddress) { Scheme = "ws", Path = "/hubs/interview", Query = $"access_token={Uri.EscapeDataString(token)}" }.Uri;

    private async Task<ClientWebSocket> OpenBrowserStyleSocketAsync(string token, string? origin = null)
    {
        var socket = new ClientWebSocket();
        if (origin is not null)
        {
            socket.Options.SetRequestHeader("Origin", origin);
        }

        await socket.ConnectAsync(HubUri(token), CancellationToken.None);
        await SendAsync(socket, "{\"protocol\":\"json\",\"version\":1}\u001e");
        Assert.StartsWith("{}\u001e", await ReceiveAsync(socket));
        return socket;
    }

    private static async Task<string> InvokeOverRawSocketAsync(ClientWebSocket socket, string method)
    {
        await SendAsync(socket, $"{{\"type\":1,\"invocationId\":\"1\",\"target\":\"{method}\",\"arguments\":[]}}\u001e");
        while (true)
        {
            var message = await ReceiveAsync(socket);
            if (message.Contains("\"type\":3"))
            {
                return message;
            }
        }
    }

    private static Task SendAsync(ClientWebSocket socket, string text) =>
        socket.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<string> ReceiveAsync(ClientWebSocket socket)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        var text = new StringBuilder();
        WebSocketReceiveResult result;
        do
        {
            result = await socket.ReceiveAsync(buffer, timeout.Token);
            text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
        }
        while (!result.EndOfMessage);
        return text.ToString();
    }
}
