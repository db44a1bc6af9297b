using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.PersonalData;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace InterviewRoom.Tests.PersonalData;

/// <summary>Retention (rule 12): ended rooms lose answers, scores and names once the configured period has passed.</summary>
public sealed class RetentionTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private Question question = null!;

    public async Task InitializeAsync() => question = (await test.SeedRoomAsync()).Question;

    public async Task DisposeAsync() => await test.DisposeAsync();

    [Fact]
    public async Task Sweep_ErasesRoomsEndedLongerAgoThanThePeriod_AndKeepsNewerAndOpenOnes()
    {
        var old = await RoomAsync(endedDaysAgo: 91);
        var recent = await RoomAsync(endedDaysAgo: 89);
        var open = await RoomAsync(endedDaysAgo: null);

        var erased = await SweepAsync(days: 90);

        Assert.Equal(1, erased);
        Assert.Equal((null, 0, "Deleted candidate, Deleted interviewer", null), await WhatIsLeftAsync(old));
        Assert.Equal(("An answer.", 1, "Ada, Grace", "Mock with Grace"), await WhatIsLeftAsync(recent));
        Assert.Equal(("An answer.", 1, "Ada, Grace", "Mock with Grace"), await WhatIsLeftAsync(open));
    }

    [Fact]
    public async Task Sweep_OnTwoInstancesAtOnce_AndAgain_EndsInTheSameRows()
    {
        var old = await RoomAsync(endedDaysAgo: 200);
        var versionBefore = await test.WithDbAsync(db => db.Rooms.Where(r => r.Id == old).Select(r => r.Version).SingleAsync());

        await Task.WhenAll(SweepAsync(days: 90), SweepAsync(days: 90));
        var again = await SweepAsync(days: 90);

        Assert.Equal(0, again); // nothing left to erase: an erased room no longer matches
        Assert.Equal((null, 0, "Deleted candidate, Deleted interviewer", null), await WhatIsLeftAsync(old));
        Assert.True(await test.WithDbAsync(db => db.Rooms.Where(r => r.Id == old).Select(r => r.Version).SingleAsync()) > versionBefore);
    }

    [Fact]
    public async Task Sweep_WithZeroDays_KeepsEverythingForever()
    {
        var old = await RoomAsync(endedDaysAgo: 5000);

        Assert.Equal(0, await SweepAsync(days: 0));
        Assert.Equal(("An answer.", 1, "Ada, Grace", "Mock with Grace"), await WhatIsLeftAsync(old));
    }

    [Fact]
    public async Task Worker_OnTheAppsClock_ErasesAnEndedRoomOnceItsPeriodHasPassed()
    {
        var room = await RoomAsync(endedDaysAgo: 0);
        var worker = test.Services.GetServices<IHostedService>().OfType<RetentionWorker>().Single();
        await worker.StartAsync(CancellationToken.None);
        try
        {
            test.Clock.Advance(TimeSpan.FromDays(90) + TimeSpan.FromHours(1)); // the default period, then one sweep interval

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            while ((await WhatIsLeftAsync(room)).Answer is not null)
            {
                await Task.Delay(20, timeout.Token); // polling the database the worker writes, bounded by the timeout
            }
        }
        finally
        {
            await worker.StopAsync(CancellationToken.None);
        }

        Assert.Equal((null, 0, "Deleted candidate, Deleted interviewer", null), await WhatIsLeftAsync(room));
    }

    private async Task<int> SweepAsync(int days)
    {
        await using var scope = test.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Data.InterviewRoomDb>();
        var options = Options.Create(new RetentionOptions { EndedRoomDays = days });
        return await new RetentionSweep(db, test.Clock, options, NullLogger<RetentionSweep>.Instance).RunAsync(CancellationToken.None);
    }

    /// <summary>A room with an answered, scored question, ended that many days ago (null: still open).</summary>
    private Task<Guid> RoomAsync(int? endedDaysAgo) => test.WithDbAsync(async db =>
    {
        var now = test.Clock.GetUtcNow().UtcDateTime;
        var room = new Room
        {
            Id = Guid.NewGuid(), Code = Guid.NewGuid().ToString("N")[..8], Title = "Mock with Grace",
            CreatedAt = now.AddDays(-(endedDaysAgo ?? 0) - 1), CodeExpiresAt = now, EndedAt = endedDaysAgo is { } days ? now.AddDays(-days) : null,
        };
        var interviewer = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Interviewer, Name = "Ada", TokenHash = Guid.NewGuid().ToString(), JoinedAt = room.CreatedAt };
        var candidate = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Candidate, Name = "Grace", TokenHash = Guid.NewGuid().ToString(), JoinedAt = room.CreatedAt };
        room.Participants.AddRange([interviewer, candidate]);
        var turn = new Turn
        {
            Id = Guid.NewGuid(), RoomId = room.Id, Ordinal = 1, CandidateId = candidate.Id, InterviewerId = interviewer.Id,
            QuestionId = question.Id, RubricId = question.Rubrics[0].Id, TimeLimitSeconds = 60, AskedAt = room.CreatedAt,
            Deadline = room.CreatedAt.AddSeconds(60), SubmittedAt = room.CreatedAt.AddSeconds(30), AnswerText = "An answer.",
        };
        turn.Scores.Add(new Score
        {
            Version = 1, ClientRequestId = "s1", ScoredBy = interviewer.Id, ScoredAt = room.CreatedAt.AddSeconds(40),
            RubricId = question.Rubrics[0].Id, Overall = 4, Notes = "Notes on Grace.",
        });
        db.AddRange(room, turn);
        await db.SaveChangesAsync();
        return room.Id;
    });

    private Task<(string? Answer, int Scores, string Names, string? Title)> WhatIsLeftAsync(Guid roomId) => test.WithDbAsync(async db =>
    {
        var turn = await db.Turns.AsNoTracking().SingleAsync(t => t.RoomId == roomId);
        var names = await db.Participants.Where(p => p.RoomId == roomId).Select(p => p.Name).ToListAsync();
        var title = await db.Rooms.Where(r => r.Id == roomId).Select(r => r.Title).SingleAsync();
        return (turn.AnswerText, await db.Scores.CountAsync(s => s.TurnId == turn.Id), string.Join(", ", names.Order(StringComparer.Ordinal)), title);
    });
}
