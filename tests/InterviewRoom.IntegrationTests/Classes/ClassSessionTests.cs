using System.Diagnostics;
using System.Net.Http.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;
using C = InterviewRoom.Contracts.Classes.ClassHubNames;

namespace InterviewRoom.IntegrationTests.Classes;

[Collection(HeavyLoad.Name)]
public sealed class ClassSessionTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly InterviewRoomFactory factory = new(null, new Dictionary<string, string?>
    {
        ["Hub:CallBurst"] = "1000",
        ["Hub:CallsPerSecond"] = "1000",
    });

    private readonly List<IAsyncDisposable> disposables = [];

    [Fact]
    public async Task AClassOfThirty_IsPairedIntoFifteenRooms_OnePushReachesEveryone_AndTheClassReportIsRight()
    {
        var api = factory.Api();
        var bank = await api.GetQuestionsAsync((await api.CreateRoomAsync()).InterviewerToken, kind: "technical");
        var created = await api.CreateClassAsync(new CreateClassRequest("Backend bootcamp", "Prof", [.. bank.Take(12).Select(q => new ClassQuestionInput(q.Id, 120))]));
        var students = await Task.WhenAll(Enumerable.Range(1, 30).Select(i => api.JoinClassAsync(created.ClassCode, $"Student {i:00}")));

        var instructor = Track(factory.Connect(C.Path, created.InstructorToken));
        var roomChanges = instructor.Record<ClassRoomView>(C.Events.ClassRoomChanged);
        await instructor.StartAsync();
        var state = await instructor.InvokeAsync<ClassState>(C.Methods.PairStudents, OddStudent.Observer);

        Assert.Equal(ClassMode.Pairs, state.Mode);
        Assert.Equal(15, state.Rooms.Count);
        Assert.All(state.Rooms, room => Assert.Equal(
            [ParticipantRole.Interviewer, ParticipantRole.Candidate],
            room.Seats.Select(s => s.Role).Order()));
        Assert.All(state.Students, s => Assert.NotNull(s.RoomId));

        // Every student opens their seat with their class token.
        var people = new List<(JoinClassResponse Student, InterviewHubClient Hub, Pushed Pushed, RoomState State)>();
        foreach (var student in students)
        {
            var hub = Track(factory.Hub(student.Token));
            var pushed = Pushed.To(hub);
            people.Add((student, hub, pushed, await hub.StartAsync()));
        }

        Assert.Equal(15, people.Count(p => p.State.You.Role == ParticipantRole.Candidate));
        Assert.All(people, p => Assert.Equal(created.ClassId, p.State.ClassId));

        // Ten pushes, each to all 15 rooms; each time every one of the 30 students sees the question.
        var timings = new List<double>();
        foreach (var question in bank.Take(10))
        {
            var clock = Stopwatch.StartNew();
            var result = await instructor.InvokeAsync<PushResult>(C.Methods.PushQuestion, question.Id, (int?)null);
            Assert.Equal(15, result.AskedRoomIds.Count);
            Assert.Empty(result.Skipped);
            var seen = await Task.WhenAll(people.Select(async p =>
            {
                await p.Pushed.Asked.NextAsync(t => t.QuestionId == question.Id);
                return clock.Elapsed.TotalMilliseconds;
            }));
            timings.Add(seen.Max());

            // Candidates answer so the next push finds every room free.
            await Task.WhenAll(people.Where(p => p.State.You.Role == ParticipantRole.Candidate).Select(async p =>
            {
                var turn = (await p.Hub.GetStateAsync()).CurrentTurn!;
                Assert.Equal(120, turn.TimeLimitSeconds); // the class's time box for the question
                await p.Hub.SubmitAsync(turn.TurnId, $"{p.Student.StudentId} on {question.Id}", $"s-{turn.TurnId}");
            }));
        }

        output.WriteLine($"Push to 15 rooms until all 30 students had QuestionAsked, 10 pushes: median {Median(timings):F1} ms, worst {timings.Max():F1} ms (all: {string.Join(", ", timings.Select(t => t.ToString("F1")))})");

        // Interviewers score the last answer of their room: overall 1..5 by room order.
        var interviewers = people.Where(p => p.State.You.Role == ParticipantRole.Interviewer).OrderBy(p => p.State.RoomId).ToList();
        for (var i = 0; i < interviewers.Count; i++)
        {
            var turn = (await interviewers[i].Hub.GetStateAsync()).CurrentTurn!;
            await interviewers[i].Hub.ScoreAsync(turn.TurnId, new ScoreInput($"score-{turn.TurnId}", Overall: (i % 5) + 1));
        }

        // The dashboard heard of every room's score without asking.
        await Eventually.TrueAsync(
            () => Task.FromResult(roomChanges.All.Where(r => r.Phase == RoomPhase.Scored).Select(r => r.RoomId).Distinct().Count() == 15),
            TimeSpan.FromSeconds(15), "the dashboard to see all 15 rooms scored");

        // Asking a room's candidate a question they already answered is refused; the push says where and why.
        var repeat = await instructor.InvokeAsync<PushResult>(C.Methods.PushQuestion, bank[0].Id, (int?)null);
        Assert.Empty(repeat.AskedRoomIds);
        Assert.All(repeat.Skipped, s => Assert.Contains("has already been asked this question", s.Reason, StringComparison.Ordinal));

        var report = await api.GetClassReportAsync(created.ClassId, created.InstructorToken);
        Assert.Equal(30, report.Students.Count);
        Assert.Equal(15, report.Students.Count(s => s.Answered == 10));
        Assert.Equal(15, report.Students.Count(s => s.Interviewed == 10));
        var last = report.Questions.Single(q => q.QuestionId == bank[9].Id);
        Assert.Equal((15, 15), (last.Asked, last.Answered));
        Assert.Equal(new ScoreDistribution(3, 3, 3, 3, 3, 0, 0), last.Distribution);
        Assert.Equal(3.0, last.AverageOverall);
        Assert.All(report.Questions.Where(q => q.QuestionId != bank[9].Id), q => Assert.Equal(15, q.Distribution.Unscored));

        var csv = (await api.GetClassReportCsvAsync(created.ClassId, created.InstructorToken)).Trim().Split('\n');
        Assert.StartsWith("Student,RoomCode,Round,QuestionId", csv[0], StringComparison.Ordinal);
        Assert.Equal(1 + 150, csv.Length);
    }

    [Fact]
    public async Task PairingAgain_RotatesRoles_AndAnOddStudentObserves()
    {
        var (created, students, instructor) = await ClassAsync(5);
        var first = await instructor.InvokeAsync<ClassState>(C.Methods.PairStudents, OddStudent.Observer);
        Assert.Equal(2, first.Rooms.Count);
        Assert.Single(first.Rooms.SelectMany(r => r.Seats), s => s.Role == ParticipantRole.Observer);
        var interviewedFirst = first.Students.Where(s => s.Role == ParticipantRole.Interviewer).Select(s => s.StudentId).ToHashSet();

        var second = await instructor.InvokeAsync<ClassState>(C.Methods.PairStudents, OddStudent.Instructor);
        var interviewersNow = second.Students.Where(s => s.Role == ParticipantRole.Interviewer).Select(s => s.StudentId).ToHashSet();
        Assert.Empty(interviewersNow.Intersect(interviewedFirst)); // whoever asked last round answers now
        Assert.Equal(3, second.Rooms.Count); // two pairs and the instructor with the odd student out
        Assert.Single(second.Rooms, r => r.Seats.Any(s => s.Name == "Prof" && s.Role == ParticipantRole.Interviewer));
        Assert.NotNull(second.You.Seat);
        Assert.Equal(2, second.Round);

        // The first round's rooms ended and are off the dashboard.
        Assert.DoesNotContain(second.Rooms, r => first.Rooms.Any(f => f.RoomId == r.RoomId));
        Assert.Equal(5, students.Length);
        Assert.Equal(created.ClassId, second.ClassId);
    }

    [Fact]
    public async Task Panel_TheInstructorInterviewsOneStudentWhileTheRestObserve_AndMovingAStudentTellsTheirOldPage()
    {
        var (created, students, instructor) = await ClassAsync(3);
        var panel = await instructor.InvokeAsync<ClassState>(C.Methods.StartPanel, students[0].StudentId);
        var room = Assert.Single(panel.Rooms);
        Assert.Equal(ClassMode.Panel, panel.Mode);
        Assert.Equal(2, room.Seats.Count(s => s.Role == ParticipantRole.Observer));

        // The instructor's own class token opens the interviewer seat of the panel room.
        var prof = Track(factory.Hub(created.InstructorToken));
        Assert.Equal(ParticipantRole.Interviewer, (await prof.StartAsync()).You.Role);
        var observer = Track(factory.Hub(students[1].Token));
        var observerPushed = Pushed.To(observer);
        var moved = new Recorder<SeatMovedEvent>();
        observer.SeatMoved += moved.Add;
        await observer.StartAsync();

        var bank = await factory.Api().GetQuestionsAsync(created.InstructorToken);
        var turn = await prof.AskAsync(bank[0].Id, 60);
        var seen = await observerPushed.Asked.NextAsync(t => t.TurnId == turn.TurnId);
        Assert.Null(seen.Interviewer); // observers get the public view

        // A student cannot run the class.
        var lobby = Track(factory.Connect(C.Path, students[2].Token));
        await lobby.StartAsync();
        await HubAssert.RefusedAsync(() => lobby.InvokeAsync<ClassState>(C.Methods.PairStudents, OddStudent.Observer), "Only the instructor can pair students.");

        // Back to the lobby: their old room page hears it at once, and their seat no longer answers.
        await instructor.InvokeAsync<ClassState>(C.Methods.MoveStudent, students[1].StudentId, (Guid?)null, ParticipantRole.Observer);
        var notice = await moved.NextAsync();
        Assert.Equal((room.RoomId, (Guid?)null), (notice.FromRoomId, notice.RoomId));
        await HubAssert.RefusedAsync(() => observer.GetStateAsync(), "Your seat in this room no longer exists.");

        // The end: every room ends, and nothing more can be pushed.
        await instructor.InvokeAsync(C.Methods.EndClass);
        await HubAssert.RefusedAsync(() => instructor.InvokeAsync<PushResult>(C.Methods.PushQuestion, bank[1].Id, (int?)null), "This class has ended.");
        Assert.NotNull((await prof.GetStateAsync()).EndedAt);
        var join = await factory.Http().PostAsJsonAsync($"api/classes/{created.ClassCode}/join", new JoinClassRequest("Late"));
        Assert.Equal(System.Net.HttpStatusCode.NotFound, join.StatusCode);
    }

    [Fact]
    public async Task MoveStudent_IntoAnotherRoom_BothRoomsHearIt_AndTheSameTokenOpensTheNewSeat()
    {
        var (_, students, instructor) = await ClassAsync(4);
        var state = await instructor.InvokeAsync<ClassState>(C.Methods.PairStudents, OddStudent.Observer);
        var (roomA, roomB) = (state.Rooms[0], state.Rooms[1]);
        var mover = students.Single(s => s.StudentId == state.Students.Single(x => x.RoomId == roomA.RoomId && x.Role == ParticipantRole.Candidate).StudentId);
        var interviewerOf = (ClassRoomView room) => students.Single(s => s.StudentId == state.Students.Single(x => x.RoomId == room.RoomId && x.Role == ParticipantRole.Interviewer).StudentId);

        var hostA = Track(factory.Hub(interviewerOf(roomA).Token));
        var hostB = Track(factory.Hub(interviewerOf(roomB).Token));
        var (pushedA, pushedB) = (Pushed.To(hostA), Pushed.To(hostB));
        var oldPage = Track(factory.Hub(mover.Token));
        var moved = new Recorder<SeatMovedEvent>();
        oldPage.SeatMoved += moved.Add;
        await Task.WhenAll(hostA.StartAsync(), hostB.StartAsync(), oldPage.StartAsync());

        // Room B has a candidate already: that seat is refused, an observer seat is not.
        await HubAssert.RefusedAsync(
            () => instructor.InvokeAsync<ClassState>(C.Methods.MoveStudent, mover.StudentId, (Guid?)roomB.RoomId, ParticipantRole.Candidate),
            "That room already has a candidate; move them out first.");
        await instructor.InvokeAsync<ClassState>(C.Methods.MoveStudent, mover.StudentId, (Guid?)roomB.RoomId, ParticipantRole.Observer);

        var notice = await moved.NextAsync();
        Assert.Equal((roomB.RoomId, (ParticipantRole?)ParticipantRole.Observer), (notice.RoomId, notice.Role));
        Assert.Equal(ParticipantRole.Observer, (await pushedB.Joined.NextAsync(p => p.Name == state.Students.Single(x => x.StudentId == mover.StudentId).Name)).Role);
        await pushedA.Left.NextAsync(p => p.Role == ParticipantRole.Candidate);

        var newPage = Track(factory.Hub(mover.Token));
        var there = await newPage.StartAsync();
        Assert.Equal((roomB.RoomId, ParticipantRole.Observer), (there.RoomId, there.You.Role));
        Assert.DoesNotContain((await hostA.GetStateAsync()).Participants, p => p.Role == ParticipantRole.Candidate);
    }

    [Fact]
    public async Task ARoomTokenOrAnotherClassesToken_OpensNothingOfTheClass()
    {
        var (created, _, _) = await ClassAsync(2);
        var other = await factory.Api().CreateClassAsync(new CreateClassRequest("Other"));

        using var report = new HttpRequestMessage(HttpMethod.Get, $"api/classes/{created.ClassId}/report");
        report.Headers.Authorization = new("Bearer", other.InstructorToken);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await factory.Http().SendAsync(report)).StatusCode);

        var roomToken = (await factory.Api().CreateRoomAsync()).InterviewerToken;
        var wrong = Track(factory.Connect(C.Path, roomToken));
        var refused = await Assert.ThrowsAsync<HttpRequestException>(() => wrong.StartAsync());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var disposable in disposables)
        {
            await disposable.DisposeAsync();
        }

        await factory.DisposeAsync();
    }

    private async Task<(CreateClassResponse Created, JoinClassResponse[] Students, HubConnection Instructor)> ClassAsync(int size)
    {
        var api = factory.Api();
        var created = await api.CreateClassAsync(new CreateClassRequest("Evening class", "Prof"));
        var students = new JoinClassResponse[size];
        for (var i = 0; i < size; i++)
        {
            students[i] = await api.JoinClassAsync(created.ClassCode, $"S{i}");
        }

        var instructor = Track(factory.Connect(C.Path, created.InstructorToken));
        await instructor.StartAsync();
        return (created, students, instructor);
    }

    private T Track<T>(T disposable)
        where T : IAsyncDisposable
    {
        disposables.Add(disposable);
        return disposable;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[(sorted.Count / 2) - 1] + sorted[sorted.Count / 2]) / 2;
    }
}
