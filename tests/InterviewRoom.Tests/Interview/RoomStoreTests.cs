using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Questions;
using InterviewRoom.Server.Rooms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.Tests.Interview;

/// <summary>
/// The in-memory rooms (ADR 0015): a copy is used only while its version matches the database, and a write
/// decided on a copy that went stale meanwhile is decided again. A second <see cref="RoomStore"/> over the same
/// database stands for a second server instance.
/// </summary>
public sealed class RoomStoreTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private Room room = null!;
    private Participant interviewer = null!;
    private Participant candidate = null!;
    private Question question = null!;

    public async Task InitializeAsync() => (room, interviewer, candidate, question) = await test.SeedRoomAsync();

    [Fact]
    public async Task AChangeMadeElsewhere_IsSeenAtTheNextCall_NotServedFromTheOldCopy()
    {
        // This instance now holds the room in memory.
        await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().GetStateAsync(new Caller(interviewer.Id, room.Id), default));
        var other = OtherInstance();

        // The other instance swaps the roles (a change this instance's copy knows nothing of).
        await WithScopeAsync(sp => sp.GetRequiredService<RoleSwapService>().SwapAsync(new Caller(interviewer.Id, room.Id), default), other);

        var refused = await Assert.ThrowsAsync<RoomRuleException>(() => AskAsync());
        Assert.Equal("Only the interviewer can ask a question.", refused.Message);
    }

    [Fact]
    public async Task ARefusalDecidedOnAStaleCopy_IsDecidedAgain_SoASwapElsewhereTakesEffectAtOnce()
    {
        // This instance holds the room with the first seat as interviewer.
        await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().GetStateAsync(new Caller(candidate.Id, room.Id), default));

        await WithScopeAsync(sp => sp.GetRequiredService<RoleSwapService>().SwapAsync(new Caller(interviewer.Id, room.Id), default), OtherInstance());

        // The copy here still says "candidate", which may not ask; the room as stored says "interviewer".
        var asked = await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(candidate.Id, room.Id), question.Id, 60, default));
        Assert.Equal(question.Id, asked.QuestionId);
        var state = await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().GetStateAsync(new Caller(interviewer.Id, room.Id), default));
        Assert.Equal(ParticipantRole.Candidate, state.You.Role);
    }

    [Fact]
    public async Task AWriterOutsideTheStore_BumpsTheVersion_AndTheNextCallReadsTheRoomAgain()
    {
        await AskAsync();

        // A class move, say: the candidate's seat is taken away, with the version bump every such writer makes.
        await test.WithDbAsync(async db =>
        {
            await db.Participants.Where(p => p.Id == candidate.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.RemovedAt, test.Clock.GetUtcNow().UtcDateTime));
            await RoomVersions.BumpAsync(db, room.Id, default);
            return 0;
        });

        var refused = await Assert.ThrowsAsync<RoomRuleException>(() => WithScopeAsync(sp => sp.GetRequiredService<InterviewService>()
            .SubmitAsync(new Caller(candidate.Id, room.Id), Guid.NewGuid(), "answer", "r1", default)));
        Assert.Equal(LiveRoom.SeatGoneMessage, refused.Message);
    }

    [Fact]
    public async Task AWriteDecidedOnAStaleCopy_CommitsNothing_AndIsDecidedAgainOnFreshState()
    {
        var store = test.Services.GetRequiredService<RoomStore>();
        var other = OtherInstance();
        var decisions = new List<long>();

        var result = await test.WithDbAsync(db => store.RunAsync(db, room.Id, async lease =>
        {
            decisions.Add(lease.State.Version);
            if (decisions.Count == 1)
            {
                // Between this decision and its write, the other instance changes the room.
                await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(interviewer.Id, room.Id), question.Id, 60, default), other);
            }

            await lease.CommitAsync(_ => Task.FromResult(true), roomWidePush: false, default);
            return lease.State.Turns.Count;
        }, default));

        Assert.Equal(2, decisions.Count);
        Assert.Equal(decisions[0] + 1, decisions[1]);
        Assert.Equal(1, result); // the second decision saw the other instance's question
        Assert.Equal(decisions[1] + 1, await test.WithDbAsync(db => db.Rooms.Where(r => r.Id == room.Id).Select(r => r.Version).SingleAsync()));
    }

    [Fact]
    public async Task TwoInstancesAskingAtOnce_LandOneQuestion_AndTheOtherIsToldItIsStillOpen()
    {
        var other = OtherInstance();
        var here = AskAsync();
        var there = WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(interviewer.Id, room.Id), question.Id, 60, default), other);

        var outcomes = await Task.WhenAll(Outcome(here), Outcome(there));

        Assert.Single(outcomes, o => o is null);
        Assert.Single(outcomes, o => o?.StartsWith("Question 1 is still open", StringComparison.Ordinal) == true);
        Assert.Equal(1, await test.WithDbAsync(db => db.Turns.CountAsync()));
    }

    [Fact]
    public async Task Sweep_DropsRoomsNobodyEnteredForTheIdleLifetime_AndKeepsTheOthers()
    {
        var store = test.Services.GetRequiredService<RoomStore>();
        await AskAsync();
        Assert.Equal(1, store.Count);

        test.Clock.Advance(RoomStore.IdleLifetime - TimeSpan.FromSeconds(1));
        Assert.Equal(0, store.Sweep());
        test.Clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(1, store.Sweep());
        Assert.Equal(0, store.Count);

        // Coming back reloads it from the database.
        var state = await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().GetStateAsync(new Caller(interviewer.Id, room.Id), default));
        Assert.Single(state.Turns);
    }

    public Task DisposeAsync() => test.DisposeAsync().AsTask();

    private static async Task<string?> Outcome(Task task)
    {
        try
        {
            await task;
            return null;
        }
        catch (RoomRuleException refused)
        {
            return refused.Message;
        }
    }

    private Task<TurnView> AskAsync() =>
        WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(interviewer.Id, room.Id), question.Id, 60, default));

    /// <summary>The app's services with a store of their own: another server instance over the same database.</summary>
    private IServiceProvider OtherInstance()
    {
        var services = new ServiceCollection();
        foreach (var descriptor in test.Descriptors)
        {
            ((IList<ServiceDescriptor>)services).Add(descriptor);
        }

        return services
            .AddSingleton(sp => new RoomStore(sp.GetRequiredService<QuestionCatalog>(), test.Clock))
            .AddSingleton<QuestionCatalog>()
            .BuildServiceProvider();
    }

    private async Task<T> WithScopeAsync<T>(Func<IServiceProvider, Task<T>> work, IServiceProvider? services = null)
    {
        await using var scope = (services ?? test.Services).CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }
}
