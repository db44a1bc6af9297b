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

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => test.DisposeAsync().AsTask();

    private Task<T> WithDb<T>(Func<InterviewRoomDb, Task<T>> work) => test.WithDbAsync(work);
}
