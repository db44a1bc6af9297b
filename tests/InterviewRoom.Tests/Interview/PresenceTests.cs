using InterviewRoom.Data;
using InterviewRoom.Server.Interview;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Tests.Interview;

/// <summary>Two <see cref="Presence"/> objects over one database behave as two server instances.</summary>
public sealed class PresenceTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();

    [Fact]
    public async Task APersonConnectedToTwoInstances_IsOnlineUntilTheLastConnectionCloses()
    {
        var (a, b) = (new Presence(test.Clock), new Presence(test.Clock));
        var person = Guid.NewGuid();

        Assert.True(await WithDb(db => a.ConnectedAsync(db, person, "on-a", default)));
        Assert.False(await WithDb(db => b.ConnectedAsync(db, person, "on-b", default))); // not the first any more
        Assert.Contains(person, await WithDb(db => b.OnlineAsync(db, [person], default)));

        Assert.False(await WithDb(db => a.DisconnectedAsync(db, person, "on-a", default)));
        Assert.True(await WithDb(db => b.DisconnectedAsync(db, person, "on-b", default)));
        Assert.Empty(await WithDb(db => a.OnlineAsync(db, [person], default)));
        Assert.Equal(0, await WithDb(db => db.LiveConnections.CountAsync()));
    }

    [Fact]
    public async Task AnInstanceThatStopsBeating_NoLongerCounts_AndItsConnectionsAreSweptByAnother()
    {
        var (killed, survivor) = (new Presence(test.Clock), new Presence(test.Clock));
        var (onlyOnKilled, onBoth) = (Guid.NewGuid(), Guid.NewGuid());
        await WithDb(db => killed.ConnectedAsync(db, onlyOnKilled, "k1", default));
        await WithDb(db => killed.ConnectedAsync(db, onBoth, "k2", default));
        await WithDb(db => survivor.ConnectedAsync(db, onBoth, "s1", default));

        // The killed instance beats no more; the survivor does.
        test.Clock.Advance(Presence.InstanceTimeout + TimeSpan.FromSeconds(1));
        await WithDb(async db => { await survivor.BeatAsync(db, default); return 0; });

        Assert.Equal([onBoth], await WithDb(db => survivor.OnlineAsync(db, [onlyOnKilled, onBoth], default)));
        Assert.Equal([onlyOnKilled], await WithDb(db => survivor.SweepDeadAsync(db, default)));
        Assert.Equal(["s1"], await WithDb(db => db.LiveConnections.Select(c => c.ConnectionId).ToListAsync()));
        Assert.Equal(1, await WithDb(db => db.ServerInstances.CountAsync()));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await test.DisposeAsync();

    private Task<T> WithDb<T>(Func<InterviewRoomDb, Task<T>> work) => test.WithDbAsync(work);
}
