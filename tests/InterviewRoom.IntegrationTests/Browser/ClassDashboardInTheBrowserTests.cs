using System.Text.RegularExpressions;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>
/// The class pages in real Chromium: the instructor's dashboard following every room live while students (.NET
/// clients) are paired and interviewed, its panel/move/end controls, a student's join and lobby, and the report.
/// </summary>
public sealed class ClassDashboardInTheBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Dashboard_PairsFourStudentsAndPushesAQuestion_ThenFollowsEachRoomsPhaseAndScoreLive()
    {
        // Many hub calls in a few seconds from one test: lift the per-connection call limit.
        await using var factory = new InterviewRoomFactory(null, new Dictionary<string, string?> { ["Hub:CallsPerSecond"] = "1000", ["Hub:CallBurst"] = "1000" });
        var api = factory.Api();
        var created = await api.CreateClassAsync(new CreateClassRequest("Backend bootcamp", "Ada"));
        await using var instructor = await Person.OpenAsync(chromium, factory.BaseAddress, "instructor");
        var students = new List<Student>();
        var interviews = new List<InterviewHubClient>();
        try
        {
            await instructor.Page.GotoAsync($"/class/{created.ClassId}#key={Uri.EscapeDataString(created.InstructorToken)}");
            await Expect(instructor.ById("class-code")).ToHaveTextAsync(created.ClassCode);
            await Expect(instructor.ById("student-join-link")).ToHaveAttributeAsync("href", new Regex($"/class/join/{created.ClassCode}$"));
            await instructor.Page.EvaluateAsync("() => { window.stillTheSamePage = true; }");

            // Four students join while the dashboard watches, and wait in the lobby (the class hub).
            foreach (var name in new[] { "Grace", "Linus", "Barbara", "Edsger" })
            {
                var joined = await api.JoinClassAsync(created.ClassCode, name);
                var lobby = factory.Connect(ClassHubNames.Path, joined.Token);
                var assigned = lobby.Record<AssignedEvent>(ClassHubNames.Events.Assigned);
                await lobby.StartAsync();
                students.Add(new Student(name, joined, lobby, assigned));
            }

            await Expect(instructor.ById("student")).ToHaveCountAsync(4);
            await Expect(instructor.ById("students-count")).ToHaveTextAsync("4 students, 4 online.");

            // The question set, from the bank: "What are web sockets?" (number 2 of the seed).
            await instructor.ById("class-bank-search").FillAsync("web sockets");
            await instructor.Page.Locator("[data-testid=class-bank-question][data-number='2']").GetByTestId("add-to-set").ClickAsync();
            await Expect(instructor.ById("set-item")).ToHaveCountAsync(1);
            await instructor.ById("save-question-set").ClickAsync();
            await Expect(instructor.ById("set-state")).ToHaveTextAsync("Saved");
            await Expect(instructor.ById("push-question-select").Locator("option")).ToContainTextAsync(["What are web sockets?"]);

            // Pairs: two rooms, each student told their seat.
            await instructor.ById("pair-students").ClickAsync();
            await Expect(instructor.ById("rooms").GetByTestId("room-card")).ToHaveCountAsync(2);
            var seats = new Dictionary<string, ClassSeat>();
            foreach (var student in students)
            {
                var assigned = await student.Assigned.NextAsync(a => a.Seat is not null);
                seats[student.Name] = assigned.Seat!;
            }

            var roomIds = seats.Values.Select(s => s.RoomId).Distinct().ToList();
            Assert.Equal(2, roomIds.Count);
            foreach (var roomId in roomIds)
            {
                await Expect(Card(instructor, roomId).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "waiting");
                await Expect(Card(instructor, roomId).GetByTestId("room-seat")).ToHaveCountAsync(2);
            }

            // Everyone opens their room with their class token (the candidates acknowledge by hand, below).
            var candidates = new Dictionary<Guid, InterviewHubClient>();
            var interviewers = new Dictionary<Guid, InterviewHubClient>();
            foreach (var student in students)
            {
                var seat = seats[student.Name];
                var client = InterviewHubClient.Create(factory.BaseAddress, student.Joined.Token, autoAcknowledge: false);
                interviews.Add(client);
                await client.StartAsync();
                (seat.Role == ParticipantRole.Candidate ? candidates : interviewers)[seat.RoomId] = client;
            }

            Assert.Equal(2, candidates.Count);
            Assert.Equal(2, interviewers.Count);
            var (first, second) = (roomIds[0], roomIds[1]);
            await Expect(Card(instructor, first).Locator(".cl-seat.is-online")).ToHaveCountAsync(2);

            // They leave the lobby for their rooms: the students list agrees with the room cards that they are online
            // (in their seats), as it happens.
            foreach (var student in students)
            {
                await student.Lobby.StopAsync();
            }

            await Expect(instructor.Page.Locator(".cl-seat.is-online")).ToHaveCountAsync(4);
            await Expect(instructor.ById("students-count")).ToHaveTextAsync("4 students, 4 online.");
            await Expect(instructor.ById("class-summary")).ToContainTextAsync("4 students (4 online) · 2 rooms");

            // One push from the dashboard asks the question in both rooms.
            await instructor.ById("push-question").ClickAsync();
            await Expect(instructor.ById("push-headline")).ToContainTextAsync("asked in 2 rooms");
            await Expect(instructor.ById("push-result")).Not.ToContainTextAsync("null");
            foreach (var roomId in roomIds)
            {
                await Expect(Card(instructor, roomId).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "asked");
                await Expect(Card(instructor, roomId).GetByTestId("room-question")).ToHaveTextAsync("What are web sockets?");
            }

            // The candidates receive it: answering, with the countdown running from the server's deadline.
            var turns = new Dictionary<Guid, Guid>();
            foreach (var roomId in roomIds)
            {
                var state = await candidates[roomId].GetStateAsync();
                turns[roomId] = state.CurrentTurn!.TurnId;
                await candidates[roomId].AcknowledgeAsync(turns[roomId]);
                await Expect(Card(instructor, roomId).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "answering");
                // Question 2's reviewed time box is five minutes: the clock runs down from 5:00.
                await Expect(Card(instructor, roomId).GetByTestId("room-countdown")).ToHaveTextAsync(new Regex(@"^(5:00|[0-4]:[0-5]\d)$"));
            }

            // The first room answers and is scored; the second answers and waits for its score.
            await candidates[first].SubmitAsync(turns[first], "A persistent, full-duplex connection over one TCP socket.", Guid.NewGuid().ToString("N"));
            await Expect(Card(instructor, first).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "submitted");
            await Expect(Card(instructor, second).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "answering");
            await Expect(Card(instructor, first).GetByTestId("room-score")).ToHaveTextAsync("Not scored");

            await interviewers[first].ScoreAsync(turns[first], new ScoreInput(Guid.NewGuid().ToString("N"), [], Overall: 4));
            await Expect(Card(instructor, first).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "scored");
            await Expect(Card(instructor, first).GetByTestId("room-score")).ToHaveTextAsync("4 / 5");

            // The students list counts what each asked and answered as it happens, not once the class ends.
            var answeredFirst = students.Single(s => seats[s.Name].RoomId == first && seats[s.Name].Role == ParticipantRole.Candidate);
            var askedFirst = students.Single(s => seats[s.Name].RoomId == first && seats[s.Name].Role == ParticipantRole.Interviewer);
            await Expect(StudentItem(instructor, answeredFirst).GetByTestId("student-counts")).ToHaveTextAsync("asked 0 · answered 1");
            await Expect(StudentItem(instructor, askedFirst).GetByTestId("student-counts")).ToHaveTextAsync("asked 1 · answered 0");

            await candidates[second].SubmitAsync(turns[second], "Like HTTP, but it stays open.", Guid.NewGuid().ToString("N"));
            await Expect(Card(instructor, second).GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "submitted");
            await Expect(Card(instructor, second).GetByTestId("room-score")).ToHaveTextAsync("Not scored");
            await Expect(Card(instructor, second).GetByTestId("room-response-time")).ToHaveTextAsync(new Regex(@"\d"));

            // All of it live: the page was never reloaded.
            Assert.True(await instructor.Page.EvaluateAsync<bool>("() => window.stillTheSamePage === true"));
            Assert.Empty(instructor.Dialogs);
            Assert.Empty(instructor.ConsoleErrors);
        }
        catch
        {
            await instructor.ScreenshotAsync(nameof(Dashboard_PairsFourStudentsAndPushesAQuestion_ThenFollowsEachRoomsPhaseAndScoreLive));
            throw;
        }
        finally
        {
            foreach (var client in interviews)
            {
                await client.DisposeAsync();
            }

            foreach (var student in students)
            {
                await student.Lobby.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Dashboard_MovesAStudentToTheLobby_StartsAPanel_AndEndsTheClassAfterConfirming()
    {
        await using var factory = new InterviewRoomFactory();
        var api = factory.Api();
        var created = await api.CreateClassAsync(new CreateClassRequest("Panel class", "Ada"));
        var grace = await api.JoinClassAsync(created.ClassCode, "Grace");
        var linus = await api.JoinClassAsync(created.ClassCode, "Linus");
        await api.JoinClassAsync(created.ClassCode, "Barbara");
        await using var lobby = factory.Connect(ClassHubNames.Path, linus.Token);
        var linusAssigned = lobby.Record<AssignedEvent>(ClassHubNames.Events.Assigned);
        await lobby.StartAsync();
        await using var instructor = await Person.OpenAsync(chromium, factory.BaseAddress, "instructor");
        try
        {
            await instructor.Page.GotoAsync($"/class/{created.ClassId}#key={Uri.EscapeDataString(created.InstructorToken)}");
            await instructor.ById("pair-odd").SelectOptionAsync("instructor");
            await instructor.ById("pair-students").ClickAsync();
            await Expect(instructor.ById("rooms").GetByTestId("room-card")).ToHaveCountAsync(2);
            await Expect(instructor.ById("your-seat-link")).ToHaveAttributeAsync("href", new Regex("^/room/[0-9a-f-]+#key="));
            await linusAssigned.NextAsync(a => a.Seat is not null);

            // Linus goes back to the lobby: his card in the list says so, and he hears it.
            await instructor.ById("move-student").SelectOptionAsync(linus.StudentId.ToString());
            await instructor.ById("move-target").SelectOptionAsync("");
            await instructor.ById("move-button").ClickAsync();
            await Expect(instructor.Page.Locator($"[data-testid=student][data-student-id='{linus.StudentId}']").GetByTestId("student-where"))
                .ToHaveTextAsync("In the lobby");
            await linusAssigned.NextAsync(a => a.Seat is null);

            // A panel: the instructor interviews Grace, everyone else observes; the earlier rooms stay listed.
            await instructor.ById("panel-student").SelectOptionAsync(grace.StudentId.ToString());
            await instructor.ById("start-panel").ClickAsync();
            await Expect(instructor.ById("rooms").GetByTestId("room-card")).ToHaveCountAsync(1);
            await Expect(instructor.ById("rooms").GetByTestId("room-seat")).ToHaveCountAsync(4);
            await Expect(instructor.ById("earlier-rooms").GetByTestId("room-card")).ToHaveCountAsync(2);
            await Expect(instructor.ById("class-summary")).ToContainTextAsync("Panel, round 2");

            // Ending asks first; then everything is read-only and the report is one click away.
            await instructor.ById("end-class").ClickAsync();
            await Expect(instructor.ById("end-class-confirm")).ToBeVisibleAsync();
            await instructor.ById("cancel-end-class").ClickAsync();
            await Expect(instructor.ById("class-ended")).ToBeHiddenAsync();
            await instructor.ById("end-class").ClickAsync();
            await instructor.ById("confirm-end-class").ClickAsync();
            await Expect(instructor.ById("class-ended")).ToBeVisibleAsync();
            await Expect(instructor.ById("class-summary")).ToContainTextAsync("1 room (ended)"); // not "0 rooms" above the rooms it lists
            await Expect(instructor.ById("pair-students")).ToBeDisabledAsync();
            await Expect(instructor.ById("push-question")).ToBeDisabledAsync();
            await Expect(instructor.ById("rooms").GetByTestId("room-phase")).ToHaveAttributeAsync("data-phase", "ended");
            Assert.Empty(instructor.ConsoleErrors);
        }
        catch
        {
            await instructor.ScreenshotAsync(nameof(Dashboard_MovesAStudentToTheLobby_StartsAPanel_AndEndsTheClassAfterConfirming));
            throw;
        }
    }

    [Fact]
    public async Task ClassPages_OnAPhoneSizedScreen_FitWithoutSideways_LabelEveryControl_AndTheReportCountsTheScores()
    {
        await using var factory = new InterviewRoomFactory(null, new Dictionary<string, string?> { ["Hub:CallsPerSecond"] = "1000", ["Hub:CallBurst"] = "1000" });
        var api = factory.Api();
        var created = await api.CreateClassAsync(new CreateClassRequest("A class with a rather long name for a small screen", "Ada"));
        var question = (await api.GetQuestionsAsync(created.InstructorToken)).Single(q => q.Number == 2);
        await using var dashboard = factory.Connect(ClassHubNames.Path, created.InstructorToken);
        await dashboard.StartAsync();
        await dashboard.InvokeAsync<ClassState>(ClassHubNames.Methods.SetQuestions, new[] { new ClassQuestionInput(question.Id, 90) });
        var joined = new List<JoinClassResponse>();
        foreach (var name in new[] { "Grace", "<b>Linus</b>", "Barbara" })
        {
            joined.Add(await api.JoinClassAsync(created.ClassCode, name));
        }

        // Three students: a pair and an observer. One answer, scored; then a latecomer waits in the lobby.
        var state = await dashboard.InvokeAsync<ClassState>(ClassHubNames.Methods.PairStudents, OddStudent.Observer);
        await dashboard.InvokeAsync<PushResult>(ClassHubNames.Methods.PushQuestion, question.Id, null);
        var byStudent = state.Students.ToDictionary(s => s.StudentId);
        var candidateToken = joined.Single(j => byStudent[j.StudentId].Role == ParticipantRole.Candidate).Token;
        var interviewerToken = joined.Single(j => byStudent[j.StudentId].Role == ParticipantRole.Interviewer).Token;
        await using var candidate = factory.Hub(candidateToken);
        await using var interviewer = factory.Hub(interviewerToken);
        var turn = (await candidate.StartAsync()).CurrentTurn!;
        await interviewer.StartAsync();
        await candidate.SubmitAsync(turn.TurnId, "Full duplex over one connection.");
        await interviewer.ScoreAsync(turn.TurnId, new ScoreInput(Guid.NewGuid().ToString("N"), [], Overall: 2));
        var latecomer = await api.JoinClassAsync(created.ClassCode, "Edsger");

        await using var phone = await Person.OpenAsync(chromium, factory.BaseAddress, "phone", width: 360, height: 780);
        var key = Uri.EscapeDataString(created.InstructorToken);
        var pages = new (string Path, string Ready)[]
        {
            ($"/class/join/{created.ClassCode}", "class-join-name"),
            ($"/class/{created.ClassId}/lobby#key={Uri.EscapeDataString(latecomer.Token)}", "lobby-classmate"),
            ($"/class/{created.ClassId}#key={key}", "room-score"),
            ($"/class/{created.ClassId}/report#key={key}", "class-report-distribution"),
        };
        foreach (var (path, ready) in pages)
        {
            await phone.Page.GotoAsync(path);
            await Expect(phone.ById(ready).First).ToBeVisibleAsync();
            var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 360 px wide");
            Assert.Empty(await phone.Page.EvaluateAsync<string[]>(UnlabelledControls));
            Assert.Equal(0, await phone.Page.Locator("main b").CountAsync());
            if (path.Contains("/lobby", StringComparison.Ordinal))
            {
                Assert.DoesNotContain("#key=", phone.Page.Url); // the lobby keeps the token, not the address bar
            }
        }

        await Expect(phone.ById("class-report-question")).ToContainTextAsync("What are web sockets?");
        await Expect(phone.ById("class-report-distribution")).ToContainTextAsync("2: 1");
        await Expect(phone.ById("class-report-student")).ToHaveCountAsync(4);
        var download = await phone.Page.RunAndWaitForDownloadAsync(() => phone.ById("download-class-csv").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        Assert.Contains("What are web sockets?", await File.ReadAllTextAsync((await download.PathAsync())!));
        Assert.Empty(phone.ConsoleErrors);
    }

    [Fact]
    public async Task Student_JoinsByTheClassLink_WaitsInTheLobby_AndIsTakenToTheirRoomWhenPaired()
    {
        await using var factory = new InterviewRoomFactory();
        var api = factory.Api();
        var created = await api.CreateClassAsync(new CreateClassRequest("Lobby class", "Ada"));
        await using var student = await Person.OpenAsync(chromium, factory.BaseAddress, "student");
        try
        {
            // A wrong code gets a sentence, not a stack trace.
            await student.Page.GotoAsync("/class/join/ZZZZ2222");
            await student.ById("class-join-name").FillAsync("Grace");
            await student.ById("class-join-submit").ClickAsync();
            await Expect(student.ById("class-join-error")).ToContainTextAsync("No open class");

            await student.Page.GotoAsync(new Uri(created.StudentJoinUrl).PathAndQuery);
            await Expect(student.ById("class-join-code")).ToHaveTextAsync(created.ClassCode);
            await student.ById("class-join-name").FillAsync("Grace");
            await student.ById("class-join-submit").ClickAsync();
            await Expect(student.Page).ToHaveURLAsync(new Regex($"/class/{created.ClassId}/lobby$"));
            await Expect(student.ById("lobby-class-name")).ToHaveTextAsync("Lobby class");
            await Expect(student.ById("lobby-status")).ToContainTextAsync("Waiting for the instructor");
            await Expect(student.ById("lobby-classmates-count")).ToHaveTextAsync("Nobody else has joined yet.");

            // Classmates arrive in the lobby live: joining, then coming online, then leaving it.
            var linus = await api.JoinClassAsync(created.ClassCode, "Linus");
            await Expect(student.ById("lobby-classmate")).ToHaveTextAsync(new Regex("^Linus"));
            await Expect(student.ById("lobby-classmates-count")).ToHaveTextAsync("1 classmate, 0 online.");
            await using (var linusLobby = factory.Connect(ClassHubNames.Path, linus.Token))
            {
                await linusLobby.StartAsync();
                await Expect(student.ById("lobby-classmates-count")).ToHaveTextAsync("1 classmate, 1 online.");
            }

            await Expect(student.ById("lobby-classmates-count")).ToHaveTextAsync("1 classmate, 0 online.");
            await student.Page.ReloadAsync(); // the key left the address bar; the browser kept it
            await Expect(student.ById("lobby-classmate")).ToHaveTextAsync(new Regex("^Linus"));

            await using var instructor = factory.Connect(ClassHubNames.Path, created.InstructorToken);
            await instructor.StartAsync();
            await instructor.InvokeAsync<ClassState>(ClassHubNames.Methods.PairStudents, OddStudent.Observer);
            // The room page may take the key out of the address bar as soon as it has stored it. Polled, not waited
            // on as a navigation: this one is started by a push, and a navigation that commits before the wait
            // begins is never seen by it (a full run timed out so, with the room page already showing).
            await Expect(student.Page).ToHaveURLAsync(new Regex("/(room/[0-9a-f-]+|join/[A-Z2-9]+)(#key=.+)?$"));
        }
        catch
        {
            await student.ScreenshotAsync(nameof(Student_JoinsByTheClassLink_WaitsInTheLobby_AndIsTakenToTheirRoomWhenPaired));
            throw;
        }
    }

    // Every visible form control has an accessible name (label, aria-label or aria-labelledby).
    private const string UnlabelledControls = """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter(e => e.offsetParent !== null && e.type !== 'hidden')
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                       && !(e.tagName === 'BUTTON' && e.textContent.trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    private static ILocator StudentItem(Person person, Student student) =>
        person.Page.Locator($"[data-testid=student][data-student-id='{student.Joined.StudentId}']");

    private static ILocator Card(Person person, Guid roomId) =>
        person.Page.Locator($"[data-testid=room-card][data-room-id='{roomId}']");

    private sealed record Student(string Name, JoinClassResponse Joined, HubConnection Lobby, Recorder<AssignedEvent> Assigned);
}
