using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Classes;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace InterviewRoom.Tests.Classes;

/// <summary>
/// A class push in one pass (<see cref="InterviewService.AskInRoomsAsync"/>): every room that can take the question
/// commits in one transaction and hears of it at once, each other room is skipped with its reason, and the rooms
/// are decided as the database has them, even when another instance changed one of them meanwhile.
/// </summary>
public sealed class ClassPushTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private readonly List<PushRoom> rooms = [];
    private Guid classId;
    private Question question = null!;
    private Question other = null!;

    public async Task InitializeAsync()
    {
        var (_, _, _, seeded) = await test.SeedRoomAsync();
        question = seeded;
        await test.WithDbAsync(async db =>
        {
            var now = test.Clock.GetUtcNow().UtcDateTime;
            other = new Question
            {
                Bank = "test", Number = 2, Text = "What is a cache?", ReferenceAnswer = "Keeps copies close.",
                Kind = QuestionKind.Technical, DefaultTimeLimitSeconds = 120, ImportHash = "y", Topics = ["caching"],
            };
            other.Rubrics.Add(new Rubric { Version = 1, CreatedAt = now, Criteria = question.Rubrics[0].Criteria, RedFlags = question.Rubrics[0].RedFlags });
            var session = new ClassSession
            {
                Id = Guid.NewGuid(), Name = "Cohort 7", Code = "CLASS007", CodeExpiresAt = now.AddDays(1), InstructorName = "Linus",
                InstructorTokenHash = "k", CreatedAt = now, Mode = ClassMode.Pairs, Round = 1,
            };
            classId = session.Id;
            db.AddRange(other, session);
            for (var i = 0; i < 5; i++)
            {
                var student = (Interviewer: new ClassStudent { Id = Guid.NewGuid(), Name = $"I{i}", TokenHash = $"si{i}", JoinedAt = now },
                    Candidate: new ClassStudent { Id = Guid.NewGuid(), Name = $"C{i}", TokenHash = $"sc{i}", JoinedAt = now });
                session.Students.AddRange([student.Interviewer, student.Candidate]);
                var room = new Room { Id = Guid.NewGuid(), Code = $"ROOM000{i}", CreatedAt = now.AddSeconds(i), CodeExpiresAt = now.AddDays(1), ClassId = session.Id, Round = 1 };
                var interviewer = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Interviewer, Name = $"I{i}", PrincipalId = student.Interviewer.Id, JoinedAt = now };
                var candidate = new Participant { Id = Guid.NewGuid(), Role = ParticipantRole.Candidate, Name = $"C{i}", PrincipalId = student.Candidate.Id, JoinedAt = now };
                room.Participants.Add(interviewer);
                if (i != 3)
                {
                    room.Participants.Add(candidate); // room 3 has nobody to ask
                }

                db.Add(room);
                rooms.Add(new PushRoom(room.Id, interviewer.Id, candidate.Id));
            }

            await db.SaveChangesAsync();
            return 0;
        });
    }

    [Fact]
    public async Task APush_AsksEveryRoomThatCanTakeIt_InOneTransaction_AndSaysWhyEachOtherRoomWasSkipped()
    {
        // Room 1 has another question still open; room 2's candidate was already asked this question.
        await AskAsync(rooms[1], other.Id);
        await AskAsync(rooms[2], question.Id);
        await SubmitAsync(rooms[2]);

        using var activity = new DatabaseActivity(test);
        var outcomes = await PushAsync();

        Assert.Equal(rooms.Select(r => r.Id), outcomes.Select(o => o.RoomId));
        Assert.NotNull(outcomes[0].TurnId);
        Assert.StartsWith("Question 1 is still open", outcomes[1].Skipped, StringComparison.Ordinal);
        Assert.Equal("C2 has already been asked this question; pick another.", outcomes[2].Skipped);
        Assert.Equal("The room has no interviewer and candidate pair.", outcomes[3].Skipped);
        Assert.NotNull(outcomes[4].TurnId);
        Assert.Equal(1, activity.Commits);

        // The asked rooms' candidates have the question, the dashboard has both rooms' cards; nobody else heard a thing.
        foreach (var room in new[] { rooms[0], rooms[4] })
        {
            test.Group(RoomGroups.Seat(room.Candidate)).Verify(c => c.QuestionAsked(It.Is<TurnView>(t => t.QuestionId == question.Id && t.Interviewer == null)), Times.Once);
            test.Group(RoomGroups.Seat(room.Interviewer)).Verify(c => c.QuestionAsked(It.Is<TurnView>(t => t.QuestionId == question.Id && t.Interviewer != null)), Times.Once);
        }

        test.Group(RoomGroups.Seat(rooms[1].Candidate)).Verify(c => c.QuestionAsked(It.Is<TurnView>(t => t.QuestionId == question.Id)), Times.Never);
        var dashboard = test.ClassGroup(ClassGroups.Instructor(classId));
        dashboard.Verify(c => c.ClassRoomChanged(It.Is<ClassRoomView>(v => v.RoomId == rooms[0].Id && v.Current != null && v.Current.QuestionId == question.Id)), Times.Once);
        dashboard.Verify(c => c.ClassRoomChanged(It.Is<ClassRoomView>(v => v.RoomId == rooms[4].Id)), Times.Once);

        // What the answer said is what the database holds, and each room goes on from there.
        Assert.Equal(
            new[] { 1, 1, 1, 0, 1 },
            await test.WithDbAsync(async db => await Task.WhenAll(rooms.Select(r => db.Turns.CountAsync(t => t.RoomId == r.Id && t.QuestionId == (r == rooms[1] ? other.Id : question.Id))))));
        var state = await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().GetStateAsync(new Caller(rooms[0].Candidate, rooms[0].Id), default));
        Assert.Equal(outcomes[0].TurnId, state.CurrentTurn!.TurnId);
    }

    [Fact]
    public async Task ARoomChangedByAnotherInstance_IsPushedAsTheDatabaseHasItNow()
    {
        // This instance holds every room in memory; then another instance asks a question in room 0.
        await PushAsync(other.Id);
        foreach (var room in rooms.Where(r => r != rooms[3]))
        {
            await SubmitAsync(room);
        }

        var third = await test.WithDbAsync(async db =>
        {
            var q = new Question { Bank = "test", Number = 3, Text = "What is a queue?", ReferenceAnswer = "FIFO.", Kind = QuestionKind.Technical, DefaultTimeLimitSeconds = 120, ImportHash = "z", Topics = [] };
            q.Rubrics.Add(new Rubric { Version = 1, CreatedAt = test.Clock.GetUtcNow().UtcDateTime, Criteria = question.Rubrics[0].Criteria, RedFlags = question.Rubrics[0].RedFlags });
            db.Add(q);
            await db.SaveChangesAsync();
            return q;
        });
        test.Services.GetRequiredService<QuestionCatalog>().QuestionsChanged();
        var elsewhere = OtherInstance();
        elsewhere.GetRequiredService<QuestionCatalog>().QuestionsChanged();
        await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(rooms[0].Interviewer, rooms[0].Id), third.Id, 60, default), elsewhere);

        var outcomes = await PushAsync();

        Assert.StartsWith("Question 2 is still open", outcomes[0].Skipped, StringComparison.Ordinal);
        Assert.NotNull(outcomes[1].TurnId);
    }

    [Fact]
    public async Task ABatchDecidedOnAStaleRoom_CommitsNothing_AndIsDecidedAgainOnFreshState()
    {
        var store = test.Services.GetRequiredService<RoomStore>();
        var elsewhere = OtherInstance();
        var seen = new List<int>();

        var decided = await test.WithDbAsync(db => store.RunManyAsync(db, rooms.Select(r => r.Id), async batch =>
        {
            seen.Add(batch.Rooms.Sum(r => r.Turns.Count));
            if (seen.Count == 1)
            {
                // Between the decision and its commit, another instance asks in room 4.
                await AskAsync(rooms[4], other.Id, elsewhere);
            }

            await batch.CommitAsync([.. batch.Rooms.Select(r => (r, (Func<CancellationToken, Task<bool>>)(_ => Task.FromResult(true))))], default);
            return batch.Rooms.Select(r => r.Version).ToList();
        }, default));

        Assert.Equal(new[] { 0, 1 }, seen);
        var versions = await test.WithDbAsync(db => db.Rooms.Where(r => r.ClassId == classId).OrderBy(r => r.CreatedAt).Select(r => r.Version).ToListAsync());
        Assert.Equal(versions, decided);
        Assert.Equal(versions[0] + 1, versions[4]); // room 4: the other instance's ask, then this batch
    }

    [Fact]
    public async Task TwoPushesAtOnce_AskEachRoomOnce_AndTheLaterIsToldTheQuestionIsStillOpen()
    {
        var pushes = await Task.WhenAll(PushAsync(), PushAsync(other.Id));

        var counts = await test.WithDbAsync(async db => await Task.WhenAll(rooms.Select(r => db.Turns.CountAsync(t => t.RoomId == r.Id))));
        Assert.Equal(new[] { 1, 1, 1, 0, 1 }, counts);
        foreach (var i in new[] { 0, 1, 2, 4 })
        {
            Assert.Single(pushes, p => p[i].TurnId is not null);
            Assert.Single(pushes, p => p[i].Skipped?.StartsWith("Question 1 is still open", StringComparison.Ordinal) == true);
        }
    }

    [Fact]
    public async Task APushIntoAnEndedRoom_SkipsIt_AndAPushWithAnUnknownQuestionOrTimeBoxChangesNothing()
    {
        await WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<InterviewService>().EndAsync(new Caller(rooms[0].Interviewer, rooms[0].Id), default);
            return 0;
        });

        var outcomes = await PushAsync();
        Assert.Equal(LiveRoom.RoomEndedMessage, outcomes[0].Skipped);

        await Assert.ThrowsAsync<RoomRuleException>(() => PushAsync(questionId: 9999));
        await Assert.ThrowsAsync<RoomRuleException>(() => PushAsync(other.Id, seconds: 0));
        Assert.Equal(3, await test.WithDbAsync(db => db.Turns.CountAsync()));
    }

    [Fact]
    public async Task EndingTheClassesRooms_EndsThemInOneTransaction_ClosesTheirOpenQuestions_AndTellsEveryone()
    {
        await PushAsync();
        await WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<InterviewService>().EndAsync(new Caller(rooms[4].Interviewer, rooms[4].Id), default);
            return 0;
        });
        var at = test.Clock.GetUtcNow().UtcDateTime.AddMinutes(1);

        using var activity = new DatabaseActivity(test);
        await WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<InterviewService>().EndRoomsAsync([.. rooms.Select(r => r.Id)], at, default);
            return 0;
        });

        Assert.Equal(1, activity.Commits);
        var ended = await test.WithDbAsync(db => db.Rooms.Where(r => r.ClassId == classId).OrderBy(r => r.CreatedAt).Select(r => r.EndedAt).ToListAsync());
        Assert.Equal(new DateTime?[] { at, at, at, at }, ended.Take(4));
        Assert.NotEqual(at, ended[4]); // ended before: left as it was
        Assert.Equal(0, await test.WithDbAsync(db => db.Turns.CountAsync(t => t.ClosedAt == null && t.SubmittedAt == null && t.TimeUpAt == null)));
        // Everyone in each room hears it once: room 3 has only its interviewer; room 4 heard it when it ended before.
        foreach (var room in rooms)
        {
            var everyone = room == rooms[3] ? RoomGroups.Seat(room.Interviewer) : $"{RoomGroups.Seat(room.Interviewer)}+{RoomGroups.Seat(room.Candidate)}";
            test.Group(everyone).Verify(c => c.RoomEnded(It.Is<RoomEndedEvent>(e => e.RoomId == room.Id)), Times.Once);
        }

        var refused = await Assert.ThrowsAsync<RoomRuleException>(() => AskAsync(rooms[0], other.Id));
        Assert.Equal(LiveRoom.RoomEndedMessage, refused.Message);
    }

    public Task DisposeAsync() => test.DisposeAsync().AsTask();

    private Task<IReadOnlyList<RoomAsk>> PushAsync(int? questionId = null, int seconds = 60) =>
        WithScopeAsync(sp => sp.GetRequiredService<InterviewService>()
            .AskInRoomsAsync([.. rooms.Select(r => r.Id)], questionId ?? question.Id, seconds, default));

    private Task<TurnView> AskAsync(PushRoom room, int questionId, IServiceProvider? services = null) =>
        WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().AskAsync(new Caller(room.Interviewer, room.Id), questionId, 60, default), services);

    /// <summary>The room's candidate answers its latest question, which closes it.</summary>
    private async Task SubmitAsync(PushRoom room)
    {
        var turn = await test.WithDbAsync(db => db.Turns.Where(t => t.RoomId == room.Id).OrderByDescending(t => t.Ordinal).Select(t => t.Id).FirstAsync());
        await WithScopeAsync(sp => sp.GetRequiredService<InterviewService>().SubmitAsync(new Caller(room.Candidate, room.Id), turn, "an answer", $"r-{turn}", default));
    }

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

    private sealed record PushRoom(Guid Id, Guid Interviewer, Guid Candidate);
}
