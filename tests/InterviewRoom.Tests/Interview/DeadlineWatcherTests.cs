using InterviewRoom.Contracts.Interview;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace InterviewRoom.Tests.Interview;

public sealed class DeadlineWatcherTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();

    [Fact]
    public async Task FireDue_BeforeTheDeadline_FiresNothing_AndSleepsUntilTheDeadline()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 3);
        test.Clock.Advance(TimeSpan.FromSeconds(1.5));

        var sleep = await Watcher.FireDueAsync(CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(1.5), sleep); // under the 2 s cap: exactly until the deadline
        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(c => c.TimeUp(It.IsAny<TurnView>()), Times.Never);
    }

    [Fact]
    public async Task FireDue_AtTheDeadline_PushesTimeUpToBothViews_ExactlyOnce()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var turn = await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 30);
        test.Clock.Advance(TimeSpan.FromSeconds(30));

        await Watcher.FireDueAsync(CancellationToken.None);
        await Watcher.FireDueAsync(CancellationToken.None);

        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(
            c => c.TimeUp(It.Is<TurnView>(t => t.TurnId == turn.TurnId && t.Status == TurnStatus.TimeUp && t.Interviewer != null)), Times.Once);
        test.Group(RoomGroups.Seat(candidate.Id)).Verify(
            c => c.TimeUp(It.Is<TurnView>(t => t.TurnId == turn.TurnId && t.Interviewer == null)), Times.Once);
        var timeUpAt = await test.WithDbAsync(db => db.Turns.Select(t => t.TimeUpAt).SingleAsync());
        Assert.Equal(turn.Deadline.UtcDateTime, timeUpAt);
    }

    [Fact]
    public async Task FireDue_ForASubmittedTurn_NeverFires_AndTheSubmitIsNotLate()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var turn = await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 30);
        test.Clock.Advance(TimeSpan.FromSeconds(29));
        var result = await WithServiceAsync(s => s.SubmitAsync(new Caller(candidate.Id, room.Id), turn.TurnId, "answer", "r1", default));
        test.Clock.Advance(TimeSpan.FromSeconds(60));

        await Watcher.FireDueAsync(CancellationToken.None);

        Assert.False(result.IsLate);
        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(c => c.TimeUp(It.IsAny<TurnView>()), Times.Never);
    }

    [Fact]
    public async Task Submit_AfterTheTimeUp_IsAcceptedAndMarkedLate()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var turn = await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 10);
        test.Clock.Advance(TimeSpan.FromSeconds(12));
        await Watcher.FireDueAsync(CancellationToken.None);

        var result = await WithServiceAsync(s => s.SubmitAsync(new Caller(candidate.Id, room.Id), turn.TurnId, "late", "r1", default));

        Assert.True(result.IsLate);
        Assert.Equal(12_000, result.ResponseTimeMs);
    }

    [Fact]
    public async Task AQuestionAskedBeforeTheCandidateArrives_GivesThemTheWholeTimeBoxFromDelivery()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var turn = await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 60);
        test.Clock.Advance(TimeSpan.FromSeconds(45)); // the candidate opens the page 45 s after the ask

        var delivered = await WithServiceAsync(s => s.AcknowledgeAsync(new Caller(candidate.Id, room.Id), turn.TurnId, default));
        test.Clock.Advance(TimeSpan.FromSeconds(30)); // past the ask's deadline, half-way through the candidate's minute
        await Watcher.FireDueAsync(CancellationToken.None);
        var answer = await WithServiceAsync(s => s.SubmitAsync(new Caller(candidate.Id, room.Id), turn.TurnId, "answer", "r1", default));

        Assert.Equal(delivered.DeliveredAt!.Value.AddSeconds(60), delivered.Deadline);
        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(c => c.TimeUp(It.IsAny<TurnView>()), Times.Never);
        Assert.False(answer.IsLate);
        Assert.Equal(30_000, answer.ResponseTimeMs);
        var stored = await test.WithDbAsync(db => db.Turns.Select(t => t.Deadline).SingleAsync());
        Assert.Equal(delivered.Deadline.UtcDateTime, stored); // a restart keeps the moved deadline
    }

    [Fact]
    public async Task AQuestionNobodyReceives_StillTimesUpAtTheAsksDeadline()
    {
        var (room, interviewer, candidate, question) = await test.SeedRoomAsync();
        var turn = await AskAsync(room.Id, interviewer.Id, question.Id, seconds: 20);
        test.Clock.Advance(TimeSpan.FromSeconds(20));

        await Watcher.FireDueAsync(CancellationToken.None);
        var late = await WithServiceAsync(s => s.AcknowledgeAsync(new Caller(candidate.Id, room.Id), turn.TurnId, default));

        test.Group(RoomGroups.Seat(interviewer.Id)).Verify(c => c.TimeUp(It.Is<TurnView>(t => t.TurnId == turn.TurnId)), Times.Once);
        Assert.Equal(turn.Deadline, late.Deadline); // opening a timed-up question gives no new time
        Assert.Equal(TurnStatus.TimeUp, late.Status);
    }

    [Fact]
    public async Task FireDue_WithNoOpenTurn_SleepsTheLongestInterval()
    {
        await test.SeedRoomAsync();
        Assert.Equal(DeadlineWatcher.MaxSleep, await Watcher.FireDueAsync(CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await test.DisposeAsync();

    private DeadlineWatcher Watcher => test.Services.GetRequiredService<DeadlineWatcher>();

    private Task<TurnView> AskAsync(Guid roomId, Guid interviewerId, int questionId, int seconds) =>
        WithServiceAsync(s => s.AskAsync(new Caller(interviewerId, roomId), questionId, seconds, default));

    private async Task<T> WithServiceAsync<T>(Func<InterviewService, Task<T>> call)
    {
        await using var scope = test.Services.CreateAsyncScope();
        return await call(scope.ServiceProvider.GetRequiredService<InterviewService>());
    }
}
