using InterviewRoom.Server.Infrastructure.Hubs;
using System.Security.Claims;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Scoring;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace InterviewRoom.Tests.Interview;

/// <summary>The hub with mocked SignalR callers: groups by role, presence transitions, the error mapping.</summary>
public sealed class InterviewHubTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private readonly Mock<IGroupManager> groups = new();

    [Fact]
    public async Task OnConnected_PutsEachConnectionInItsSeatsGroupOnly_AndAnnouncesTheFirstConnection()
    {
        var (room, interviewer, candidate, _) = await test.SeedRoomAsync();
        await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-1");
        await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-2");

        groups.Verify(g => g.AddToGroupAsync("conn-1", RoomGroups.Seat(candidate.Id), It.IsAny<CancellationToken>()), Times.Once);
        groups.Verify(g => g.AddToGroupAsync("conn-2", RoomGroups.Seat(candidate.Id), It.IsAny<CancellationToken>()), Times.Once);
        groups.Verify(g => g.AddToGroupAsync(It.IsAny<string>(), RoomGroups.Seat(interviewer.Id), It.IsAny<CancellationToken>()), Times.Never);
        var everyone = test.Group($"{RoomGroups.Seat(interviewer.Id)}+{RoomGroups.Seat(candidate.Id)}");
        everyone.Verify(c => c.ParticipantJoined(It.Is<ParticipantView>(p => p.ParticipantId == candidate.Id && p.Online)), Times.Once);
    }

    [Fact]
    public async Task AfterASwap_TheFormerInterviewerGetsThePublicViewOfTheNextQuestion()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var hub = await ConnectAsync(interviewer.Id, room.Id, ParticipantRole.Interviewer, "conn-i");

        await hub.SwapRoles();
        var nowInterviewer = await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-c");
        await nowInterviewer.Ask(question.Id, 60);

        // The connection's claims still say "interviewer"; the database says otherwise, and the database wins.
        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(c => c.QuestionAsked(It.Is<TurnView>(t => t.Interviewer == null)), Times.Once);
        test.Group(RoomGroups.Seat(candidate.Id)).Verify(c => c.QuestionAsked(It.Is<TurnView>(t => t.Interviewer != null)), Times.Once);
        var refused = await Assert.ThrowsAsync<RoomRuleException>(() => hub.Ask(question.Id, 60));
        Assert.Equal("Only the interviewer can ask a question.", refused.Message);
    }

    [Fact]
    public async Task OnDisconnected_AnnouncesLeavingOnlyWhenTheLastConnectionCloses()
    {
        var (room, interviewer, candidate, _) = await test.SeedRoomAsync();
        var first = await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-1");
        var second = await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-2");
        var everyone = test.Group($"{RoomGroups.Seat(interviewer.Id)}+{RoomGroups.Seat(candidate.Id)}");

        await first.OnDisconnectedAsync(null);
        everyone.Verify(c => c.ParticipantLeft(It.IsAny<ParticipantView>()), Times.Never);
        await second.OnDisconnectedAsync(null);
        everyone.Verify(c => c.ParticipantLeft(It.Is<ParticipantView>(p => p.ParticipantId == candidate.Id && !p.Online)), Times.Once);
        Assert.Equal(0, await test.WithDbAsync(db => db.LiveConnections.CountAsync())); // nothing left behind
    }

    [Fact]
    public async Task Ask_FromACandidate_ReachesTheCallerAsAHubExceptionWithTheReason()
    {
        var (room, _, candidate, question) = await test.SeedRoomAsync();
        var hub = await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-1");
        var filter = new InterviewHubFilter(Microsoft.Extensions.Options.Options.Create(new HubSettings()), TimeProvider.System, NullLogger<InterviewHubFilter>.Instance);
        var invocation = new HubInvocationContext(hub.Context, test.Services, hub, typeof(InterviewHub).GetMethod(nameof(InterviewHub.Ask))!, [question.Id, 60]);

        var error = await Assert.ThrowsAsync<HubException>(async () =>
            await filter.InvokeMethodAsync(invocation, async _ => await hub.Ask(question.Id, 60)));

        Assert.Equal("[wrong_role] Only the interviewer can ask a question.", error.Message);
    }

    [Fact]
    public async Task AFloodOfRefusedCalls_IsRefusedEveryTime_ButLoggedOncePerInterval_WithTheCountHeldBack()
    {
        var (room, _, candidate, question) = await test.SeedRoomAsync();
        var hub = await ConnectAsync(candidate.Id, room.Id, ParticipantRole.Candidate, "conn-1");
        var log = new LinesLogger();
        var settings = Microsoft.Extensions.Options.Options.Create(new HubSettings { CallBurst = 100_000, CallsPerSecond = 100_000 });
        var filter = new InterviewHubFilter(settings, test.Clock, log);
        var invocation = new HubInvocationContext(hub.Context, test.Services, hub, typeof(InterviewHub).GetMethod(nameof(InterviewHub.Ask))!, [question.Id, 60]);

        for (var i = 0; i < 50; i++)
        {
            var error = await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(invocation, async _ => await hub.Ask(question.Id, 60)));
            Assert.Equal("[wrong_role] Only the interviewer can ask a question.", error.Message); // the caller hears it every time
        }

        Assert.Single(log.Lines);
        Assert.Contains("(0 refusals", log.Lines[0]);

        test.Clock.Advance(LogQuota.Interval);
        await Assert.ThrowsAsync<HubException>(async () => await filter.InvokeMethodAsync(invocation, async _ => await hub.Ask(question.Id, 60)));
        Assert.Equal(2, log.Lines.Count);
        Assert.Contains("(49 refusals on this connection not logged since the last line)", log.Lines[1]);
    }

    [Fact]
    public async Task ACallCutOffByItsConnectionClosing_IsNoServerError_OnlyADebugLine()
    {
        var (room, interviewer, _, question) = await test.SeedRoomAsync();
        var hub = await ConnectAsync(interviewer.Id, room.Id, ParticipantRole.Interviewer, "conn-1");
        using var gone = new CancellationTokenSource();
        await gone.CancelAsync();
        var closed = new Mock<HubCallerContext>();
        closed.SetupGet(c => c.User).Returns(hub.Context.User);
        closed.SetupGet(c => c.Items).Returns(new Dictionary<object, object?>());
        closed.SetupGet(c => c.ConnectionAborted).Returns(gone.Token);
        var log = new LinesLogger();
        var filter = new InterviewHubFilter(Microsoft.Extensions.Options.Options.Create(new HubSettings()), test.Clock, log);
        var invocation = new HubInvocationContext(closed.Object, test.Services, hub, typeof(InterviewHub).GetMethod(nameof(InterviewHub.Ask))!, [question.Id, 60]);

        var result = await filter.InvokeMethodAsync(invocation, _ => throw new OperationCanceledException(gone.Token));

        Assert.Null(result); // nobody is there to hear it; SignalR gets no exception to log as an error
        var line = Assert.Single(log.Entries);
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, line.Level);
        Assert.Null(line.Exception);

        // While the connection is open, a cancellation is not swallowed.
        closed.SetupGet(c => c.ConnectionAborted).Returns(CancellationToken.None);
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await filter.InvokeMethodAsync(invocation, _ => throw new OperationCanceledException()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await test.DisposeAsync();

    private async Task<InterviewHub> ConnectAsync(Guid participantId, Guid roomId, ParticipantRole role, string connectionId)
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, participantId.ToString()),
                new Claim(ClaimTypes.Name, "Someone"),
                new Claim(ClaimTypes.Role, role.ToString()),
                new Claim(RoomTokenAuthentication.RoomIdClaim, roomId.ToString()),
            ],
            RoomTokenAuthentication.Scheme));
        var context = new Mock<HubCallerContext>();
        context.SetupGet(c => c.User).Returns(user);
        context.SetupGet(c => c.ConnectionId).Returns(connectionId);
        context.SetupGet(c => c.Items).Returns(new Dictionary<object, object?>());

        var scope = test.Services.CreateScope();
        var hub = new InterviewHub(
            scope.ServiceProvider.GetRequiredService<InterviewService>(),
            scope.ServiceProvider.GetRequiredService<ScoreService>(),
            scope.ServiceProvider.GetRequiredService<RoleSwapService>(),
            scope.ServiceProvider.GetRequiredService<PresenceWriter>())
        {
            Context = context.Object,
            Groups = groups.Object,
            Clients = Mock.Of<IHubCallerClients<IInterviewClient>>(),
        };
        await hub.OnConnectedAsync();
        return hub;
    }
}

/// <summary>Keeps each log entry: level, formatted line, exception.</summary>
internal sealed class LinesLogger : Microsoft.Extensions.Logging.ILogger<InterviewHubFilter>
{
    public List<(Microsoft.Extensions.Logging.LogLevel Level, string Line, Exception? Exception)> Entries { get; } = [];

    public List<string> Lines => [.. Entries.Select(e => e.Line)];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

    public void Log<TState>(
        Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Entries.Add((logLevel, formatter(state, exception), exception));
}
