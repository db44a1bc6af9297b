using InterviewRoom.Data;
using InterviewRoom.Server.Interview;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.Tests.Interview;

/// <summary>Presence changes applied in groups (a reconnect storm after a deploy), with the same transitions as one by one.</summary>
public sealed class PresenceWriterTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();

    [Fact]
    public async Task AGroup_GivesEachPrincipalOneTransition_AndChangesThatCancelOutGiveNone()
    {
        var presence = new Presence(test.Clock);
        var (ana, ben, cy) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        await WithDb(db => presence.ConnectedAsync(db, cy, "cy-1", default)); // cy is online already

        var transitions = await WithDb(db => presence.ApplyAsync(db,
        [
            new PresenceChange(ana, "ana-1", Connected: true),  // ana's first: joined
            new PresenceChange(ana, "ana-2", Connected: true),  // a second tab: nothing
            new PresenceChange(ben, "ben-1", Connected: true),  // ben in and out at once: nothing
            new PresenceChange(ben, "ben-1", Connected: false),
            new PresenceChange(cy, "cy-2", Connected: true),    // cy swaps connections: nothing
            new PresenceChange(cy, "cy-1", Connected: false),
            new PresenceChange(cy, "gone", Connected: false),   // a connection that was never written: nothing
        ], default));

        Assert.Equal([true, false, false, false, false, false, false], transitions);
        var rows = await WithDb(db => db.LiveConnections.Select(c => c.ConnectionId).OrderBy(c => c).ToListAsync());
        Assert.Equal(["ana-1", "ana-2", "cy-2"], rows);

        var leaving = await WithDb(db => presence.ApplyAsync(db,
            [new PresenceChange(ana, "ana-1", Connected: false), new PresenceChange(ana, "ana-2", Connected: false)], default));
        Assert.Equal([false, true], leaving); // the last one out is the transition
    }

    [Fact]
    public async Task ManyConnectsAtOnce_AreWrittenInFewTransactions_EachToldWhetherItWasFirst()
    {
        var writer = test.Services.GetRequiredService<PresenceWriter>();
        var people = Enumerable.Range(0, 100).Select(_ => Guid.NewGuid()).ToList();
        using var activity = new DatabaseActivity(test);

        // Two connections per person, all at once: the reconnect after a deploy.
        var connects = people.SelectMany(p => new[] { (p, $"{p:N}-a"), (p, $"{p:N}-b") })
            .Select(c => (c.p, First: writer.ConnectedAsync(c.p, c.Item2))).ToList();
        await Task.WhenAll(connects.Select(c => c.First)).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.All(people, p => Assert.Equal(1, connects.Count(c => c.p == p && c.First.Result)));
        Assert.Equal(200, await WithDb(db => db.LiveConnections.CountAsync()));
        Assert.True(activity.Commits < 50, $"{activity.Commits} transactions for 200 connections");
    }

    [Fact]
    public async Task AChangeThatFails_FailsAlone_AndTheRestOfItsGroupIsWritten()
    {
        var writer = test.Services.GetRequiredService<PresenceWriter>();
        var person = Guid.NewGuid();
        await writer.ConnectedAsync(person, "taken");

        var others = Enumerable.Range(0, 20).Select(i => writer.ConnectedAsync(Guid.NewGuid(), $"c{i}")).ToList();
        var duplicate = writer.ConnectedAsync(Guid.NewGuid(), "taken"); // the same connection id twice cannot be stored
        others.AddRange(Enumerable.Range(20, 20).Select(i => writer.ConnectedAsync(Guid.NewGuid(), $"c{i}")));

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(async () => await duplicate.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.All(await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(30)), Assert.True);
        Assert.Equal(41, await WithDb(db => db.LiveConnections.CountAsync()));
    }

    [Fact]
    public async Task AConnectionThatClosedWithoutItsDisconnect_IsSweptAfterTheGrace_AndItsPersonReportedOfflineOnce()
    {
        var writer = test.Services.GetRequiredService<PresenceWriter>();
        var (lost, open, clean) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var told = new List<Guid>();
        Func<IServiceProvider, Task> Tell(Guid person) => services =>
        {
            Assert.NotNull(services.GetRequiredService<InterviewRoomDb>()); // a scope of its own, not the hub's
            told.Add(person);
            return Task.CompletedTask;
        };

        using var lostConnection = new CancellationTokenSource();
        using var cleanConnection = new CancellationTokenSource();
        Assert.True(await writer.ConnectedAsync(lost, "lost", lostConnection.Token, Tell(lost)));
        Assert.True(await writer.ConnectedAsync(open, "open", CancellationToken.None, Tell(open)));
        Assert.True(await writer.ConnectedAsync(clean, "clean", cleanConnection.Token, Tell(clean)));

        // "lost" closes and its disconnect handler never runs (a connect handler that failed); "clean" closes properly.
        await lostConnection.CancelAsync();
        await cleanConnection.CancelAsync();
        Assert.True(await writer.DisconnectedAsync(clean, "clean"));

        test.Clock.Advance(PresenceWriter.ClosedGrace - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await writer.SweepClosedAsync()); // its disconnect may still be on its way
        Assert.Equal(2, await WithDb(db => db.LiveConnections.CountAsync()));

        test.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, await writer.SweepClosedAsync());
        Assert.Equal(["open"], await WithDb(db => db.LiveConnections.Select(c => c.ConnectionId).ToListAsync()));
        Assert.Equal([lost], told);

        test.Clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(0, await writer.SweepClosedAsync()); // once only; the open connection stays
        Assert.Equal([lost], told);
        Assert.Equal(1, writer.TrackedCount);
    }

    [Fact]
    public async Task AConnectWhoseWriteFailed_IsNotTracked_AndLeavesTheFirstWithThatIdTracked()
    {
        var writer = test.Services.GetRequiredService<PresenceWriter>();
        await writer.ConnectedAsync(Guid.NewGuid(), "ok");
        await writer.ConnectedAsync(Guid.NewGuid(), "taken");
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.ConnectedAsync(Guid.NewGuid(), "taken"));
        Assert.Equal(2, writer.TrackedCount);

        // A write that fails for its own reason (the database refuses it) leaves nothing tracked behind.
        await WithDb(db => db.Database.ExecuteSqlRawAsync("CREATE TRIGGER refuse BEFORE INSERT ON LiveConnections WHEN NEW.ConnectionId = 'refused' BEGIN SELECT RAISE(ABORT, 'refused'); END;"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() => writer.ConnectedAsync(Guid.NewGuid(), "refused"));
        Assert.Equal(2, writer.TrackedCount);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => test.DisposeAsync().AsTask();

    private Task<T> WithDb<T>(Func<InterviewRoomDb, Task<T>> work) => test.WithDbAsync(work);
}
