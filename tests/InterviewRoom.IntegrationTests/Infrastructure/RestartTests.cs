using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.IntegrationTests.Infrastructure;

/// <summary>A "restart" is a second server process over the same SQLite file, after the first has stopped.</summary>
public sealed class RestartTests : IAsyncLifetime
{
    private readonly string databasePath = InterviewRoomFactory.NewDatabasePath();

    [Fact]
    public async Task AfterARestart_TokensStillWork_AndTheRoomCarriesOn()
    {
        CreateRoomResponse room;
        JoinRoomResponse seat;
        Guid firstTurn;
        await using (var before = new InterviewRoomFactory(databasePath))
        {
            await using var session = await Session.StartAsync(before);
            (room, seat) = (session.Room, session.CandidateSeat);
            var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(1), 60);
            await session.Candidate.SubmitAsync(turn.TurnId, "Before the restart.");
            firstTurn = turn.TurnId;
        }

        await using var after = new InterviewRoomFactory(databasePath);
        await using var interviewer = after.Hub(room.InterviewerToken);
        await using var candidate = after.Hub(seat.Token);
        var state = await interviewer.StartAsync();
        await candidate.StartAsync();
        Assert.Equal("Before the restart.", Assert.Single(state.Turns).AnswerText);

        var questions = await after.Api().GetQuestionsAsync(room.InterviewerToken);
        var next = await interviewer.AskAsync(questions.Single(q => q.Number == 2).Id, 60);
        Assert.Equal(2, next.Ordinal);
        await candidate.SubmitAsync(next.TurnId, "After the restart.");
        var score = await interviewer.ScoreAsync(firstTurn, new ScoreInput("after-restart", Overall: 4));
        Assert.Equal(1, score.Version);

        var report = await after.Api().GetReportAsync(room.RoomId, room.InterviewerToken);
        Assert.Equal(["Before the restart.", "After the restart."], report.Items.Select(i => i.AnswerText));
    }

    [Fact]
    public async Task TimeUp_ForADeadlineThatPassesWhileTheServerIsDown_FiresAfterTheRestart()
    {
        CreateRoomResponse room;
        TurnView asked;
        await using (var before = new InterviewRoomFactory(databasePath))
        {
            await using var session = await Session.StartAsync(before);
            room = session.Room;
            asked = await session.Interviewer.AskAsync(await session.QuestionIdAsync(5), 3);
        }

        // The server is down for the whole time box: nothing can fire until the next one starts.
        await Eventually.TrueAsync(() => Task.FromResult(DateTimeOffset.UtcNow > asked.Deadline), TimeSpan.FromSeconds(10), "the deadline to pass");
        await using var after = new InterviewRoomFactory(databasePath);
        var started = DateTimeOffset.UtcNow;
        await Eventually.TrueAsync(
            () => after.WithDbAsync(db => db.Turns.AnyAsync(t => t.Id == asked.TurnId && t.TimeUpAt != null)),
            TimeSpan.FromSeconds(15), "the restarted server to fire the missed time-up");

        await using var interviewer = after.Hub(room.InterviewerToken);
        var state = await interviewer.StartAsync();
        var turn = Assert.Single(state.Turns);
        Assert.Equal(TurnStatus.TimeUp, turn.Status);
        Assert.True(turn.TimeUpAt >= started.AddSeconds(-1), "fired by the restarted server");
    }

    [Fact]
    public async Task TimeUp_FiresWithNobodyConnected_AndIsPushedToWhoeverIsConnected()
    {
        await using var factory = new InterviewRoomFactory(databasePath);
        TurnView asked;
        await using (var session = await Session.StartAsync(factory))
        {
            asked = await session.Interviewer.AskAsync(await session.QuestionIdAsync(5), 3);
        }

        await Eventually.TrueAsync(
            () => factory.WithDbAsync(db => db.Turns.AnyAsync(t => t.Id == asked.TurnId && t.TimeUpAt != null)),
            TimeSpan.FromSeconds(15), "time-up with every client gone");
        var timeUpAt = await factory.WithDbAsync(db => db.Turns.Where(t => t.Id == asked.TurnId).Select(t => t.TimeUpAt).SingleAsync());
        Assert.InRange(timeUpAt!.Value, asked.Deadline.UtcDateTime, asked.Deadline.UtcDateTime.AddSeconds(2));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
        {
            File.Delete(file);
        }

        return Task.CompletedTask;
    }
}
