using System.Diagnostics;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.IntegrationTests.Support;
using Xunit.Abstractions;

namespace InterviewRoom.IntegrationTests.ScaleOut;

/// <summary>
/// Two real server processes (A and B) on loopback share one SQLite database and one real redis-server, as two
/// instances behind a proxy would. Killing A is a SIGKILL; stopping Redis kills redis-server.
/// </summary>
[Collection(HeavyLoad.Name)]
public sealed class TwoInstancesTests(ITestOutputHelper output) : IAsyncLifetime
{
    private readonly string databasePath = InterviewRoomFactory.NewDatabasePath();
    private readonly List<IAsyncDisposable> clients = [];
    private RedisServer redis = null!;
    private ServerProcess a = null!;
    private ServerProcess b = null!;

    [Fact]
    public async Task AnInterviewerOnAAndACandidateOnB_RunAWholeInterview_AndSeeEachOtherOnline()
    {
        var room = await a.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
        var seat = await b.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var (interviewer, atA) = await OpenAsync(a, room.InterviewerToken);
        var (candidate, atB) = await OpenAsync(b, seat.Token);
        await atA.Joined.NextAsync(p => p.ParticipantId == seat.ParticipantId && p.Online); // B's connect reached A

        var question = (await a.Api().GetQuestionsAsync(room.InterviewerToken, kind: "technical"))[0];
        var turn = await interviewer.AskAsync(question.Id, 60);
        var asked = await atB.Asked.NextAsync(t => t.TurnId == turn.TurnId);
        Assert.Null(asked.Interviewer); // the candidate's view, across instances too
        await atA.Delivered.NextAsync(t => t.TurnId == turn.TurnId);

        await candidate.SubmitAsync(turn.TurnId, "Indexes, then the query plan.", "s1");
        Assert.Equal("Indexes, then the query plan.", (await atA.Submitted.NextAsync(t => t.TurnId == turn.TurnId)).AnswerText);
        await interviewer.ScoreAsync(turn.TurnId, new ScoreInput("sc1", Overall: 4));
        await interviewer.EndAsync();
        await atB.Ended.NextAsync();

        // Presence is shared: each instance sees the other's person online.
        Assert.All((await interviewer.GetStateAsync()).Participants, p => Assert.True(p.Online, $"{p.Name} should be online"));
        var report = await b.Api().GetReportAsync(room.RoomId, seat.Token);
        Assert.Equal(4, Assert.Single(report.Items).Score!.Overall);
    }

    [Fact]
    public async Task PushesOfOneRoom_SentFromBothInstancesAtOnce_AreNumberedWithoutDuplicatesOrHoles()
    {
        var room = await a.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
        var seat = await b.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var (interviewer, atA) = await OpenAsync(a, room.InterviewerToken);
        var (candidate, _) = await OpenAsync(b, seat.Token);
        await atA.Joined.NextAsync(p => p.ParticipantId == seat.ParticipantId && p.Online);
        var question = (await a.Api().GetQuestionsAsync(room.InterviewerToken, kind: "technical"))[0];

        // A asks (a commit on A) while five observers come in on B (presence numbers taken on B), all at once.
        var observers = await Task.WhenAll(Enumerable.Range(1, 5).Select(i => b.Api().JoinAsObserverAsync(room.RoomCode, room.ObserverKey, $"Observer {i}")));
        var asking = interviewer.AskAsync(question.Id, 60);
        await Task.WhenAll(observers.Select(o => OpenAsync(b, o.Token)));
        var turn = await asking;
        await candidate.SubmitAsync(turn.TurnId, "Indexes.", "s1"); // a commit on B
        await atA.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
        await Eventually.TrueAsync(
            () => Task.FromResult(observers.All(o => atA.Joined.All.Any(p => p.ParticipantId == o.ParticipantId))),
            TimeSpan.FromSeconds(15), "every observer's ParticipantJoined (sent from B) reaching the interviewer on A");

        await interviewer.EndAsync();
        await atA.Ended.NextAsync();
        long?[] numbers =
        [
            .. atA.Joined.All.Select(p => p.Seq), .. atA.Asked.All.Select(t => t.Seq), .. atA.Delivered.All.Select(t => t.Seq),
            .. atA.Submitted.All.Select(t => t.Seq), .. atA.Ended.All.Select(e => e.Seq),
        ];
        var seen = numbers.Select(n => n!.Value).Order().ToList();
        Assert.Equal(seen.Distinct(), seen); // no number given twice, whichever instance took it
        Assert.Equal(Enumerable.Range((int)seen[0], seen.Count).Select(n => (long)n), seen); // and none skipped
        Assert.Equal(seen[^1], (await interviewer.GetStateAsync()).Seq);
    }

    [Fact]
    public async Task PushLatency_AcrossInstances_AgainstOnOneInstance_MedianOf100()
    {
        var same = await AskRoundsAsync(a, a, 100);
        var across = await AskRoundsAsync(a, b, 100);
        output.WriteLine($"Ask -> candidate's QuestionAsked, 100 rounds each: same instance median {Median(same):F1} ms (p95 {P95(same):F1}), across instances median {Median(across):F1} ms (p95 {P95(across):F1})");
        Assert.Equal(100, across.Count);
    }

    [Fact]
    public async Task KillingTheInstanceThatAsked_TimeUpStillFiresFromTheOther_AndTheInterviewerResumesThere()
    {
        var room = await a.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
        var seat = await b.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var (interviewer, _) = await OpenAsync(a, room.InterviewerToken);
        var (_, atB) = await OpenAsync(b, seat.Token);
        var question = (await a.Api().GetQuestionsAsync(room.InterviewerToken, kind: "technical"))[0];

        var turn = await interviewer.AskAsync(question.Id, 4);
        await atB.Asked.NextAsync(t => t.TurnId == turn.TurnId);
        var killedAt = Stopwatch.StartNew();
        a.Kill();

        var timeUp = await atB.TimeUp.NextAsync(t => t.TurnId == turn.TurnId, TimeSpan.FromSeconds(20));
        var afterKill = killedAt.Elapsed;
        var lateBy = timeUp.TimeUpAt!.Value - timeUp.Deadline;
        output.WriteLine($"A killed {turn.TimeLimitSeconds} s question in: TimeUp reached the candidate on B {afterKill.TotalMilliseconds:F0} ms after the kill, fired {lateBy.TotalMilliseconds:F0} ms after the deadline");
        Assert.True(lateBy < TimeSpan.FromSeconds(5), $"time-up fired {lateBy} after the deadline");

        // The interviewer's page reconnects to B (what the proxy would do) with the same token: nothing lost.
        var (resumed, atB2) = await OpenAsync(b, room.InterviewerToken);
        var state = await resumed.GetStateAsync();
        Assert.Equal((turn.TurnId, TurnStatus.TimeUp), (state.CurrentTurn!.TurnId, state.CurrentTurn.Status));
        Assert.NotNull(state.CurrentTurn.Interviewer); // still the interviewer's full view
        var score = await resumed.ScoreAsync(turn.TurnId, new ScoreInput("after-kill", NotAssessed: true));
        Assert.Equal(1, score.Version);
        await atB2.Scores.NextAsync(s => s.TurnId == turn.TurnId);
        var report = await b.Api().GetReportAsync(room.RoomId, room.InterviewerToken);
        Assert.True(Assert.Single(report.Items).Score!.NotAssessed);
    }

    [Fact]
    public async Task RedisDown_EachInstanceServesItsOwnClients_WritesCommit_AndEveryoneResyncsWhenItReturns()
    {
        // Room 1 lives on A, room 2 on B, room 3 spans both.
        var rooms = new List<(CreateRoomResponse Room, JoinRoomResponse Seat, InterviewHubClient Interviewer, Pushed AtInterviewer, InterviewHubClient Candidate, Pushed AtCandidate, Recorder<RoomState> CandidateSyncs)>();
        foreach (var (host, guest) in new[] { (a, a), (b, b), (a, b) })
        {
            var room = await host.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
            var seat = await guest.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
            var (interviewer, atInterviewer) = await OpenAsync(host, room.InterviewerToken);
            var (candidate, atCandidate) = await OpenAsync(guest, seat.Token);
            var syncs = new Recorder<RoomState>();
            candidate.StateSynced += syncs.Add;
            rooms.Add((room, seat, interviewer, atInterviewer, candidate, atCandidate, syncs));
        }

        var bank = await a.Api().GetQuestionsAsync(rooms[0].Room.InterviewerToken, kind: "technical");
        await redis.StopAsync();

        // Same-instance rooms carry on in real time.
        foreach (var (room, seat, interviewer, atInterviewer, candidate, atCandidate, _) in rooms.Take(2))
        {
            var turn = await interviewer.AskAsync(bank[0].Id, 60);
            await atCandidate.Asked.NextAsync(t => t.TurnId == turn.TurnId);
            await candidate.SubmitAsync(turn.TurnId, "during the outage", $"s-{turn.TurnId}");
            await atInterviewer.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
            await interviewer.ScoreAsync(turn.TurnId, new ScoreInput($"sc-{turn.TurnId}", Overall: 3));
            await atInterviewer.Scores.NextAsync(s => s.TurnId == turn.TurnId);
        }

        // Across instances the ask commits; the candidate on B cannot be told until Redis is back.
        var spanning = rooms[2];
        var pending = await spanning.Interviewer.AskAsync(bank[1].Id, 120);
        var syncsBefore = spanning.CandidateSyncs.All.Count;
        var interviewerSyncs = new Recorder<RoomState>();
        spanning.Interviewer.StateSynced += interviewerSyncs.Add;

        var restarted = Stopwatch.StartNew();
        await redis.RestartAsync();
        RoomState resynced;
        try
        {
            resynced = await spanning.CandidateSyncs.NextAsync(s => s.CurrentTurn?.TurnId == pending.TurnId, TimeSpan.FromSeconds(45));
        }
        catch (TimeoutException)
        {
            output.WriteLine(string.Join("\n", a.Output.Concat(b.Output).Where(l => l.Contains("Redis", StringComparison.OrdinalIgnoreCase) || l.Contains("dropped", StringComparison.OrdinalIgnoreCase)).TakeLast(60)));
            throw;
        }

        output.WriteLine($"Redis back: the candidate on B resynced and saw the question asked on A during the outage {restarted.Elapsed.TotalMilliseconds:F0} ms after redis-server restarted");
        Assert.True(spanning.CandidateSyncs.All.Count > syncsBefore);
        Assert.Equal(bank[1].Id, resynced.CurrentTurn!.QuestionId);

        // Scores written during the outage are in the database, seen from either instance.
        foreach (var (room, _, _, _, _, _, _) in rooms.Take(2))
        {
            var report = await b.Api().GetReportAsync(room.RoomId, room.InterviewerToken);
            Assert.Equal(3, Assert.Single(report.Items).Score!.Overall);
        }

        // And real time across instances works again, once A has also dropped and resynced its clients (each
        // instance does so when its own Redis connection returns; a push sent while A's interviewer is between
        // connections reaches them in that resync, not as an event).
        await interviewerSyncs.NextAsync(_ => true, TimeSpan.FromSeconds(45));
        await spanning.Candidate.SubmitAsync(pending.TurnId, "after the outage", "s-after");
        try
        {
            await spanning.AtInterviewer.Submitted.NextAsync(t => t.TurnId == pending.TurnId, TimeSpan.FromSeconds(15));
        }
        catch (TimeoutException)
        {
            output.WriteLine("A:\n" + string.Join("\n", a.Output.TakeLast(40)) + "\nB:\n" + string.Join("\n", b.Output.TakeLast(40)));
            throw;
        }
    }

    public async Task InitializeAsync()
    {
        redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Redis"] = redis.ConnectionString,
            ["Hub:CallBurst"] = "1000",
            ["Hub:CallsPerSecond"] = "1000",
        };
        a = await ServerProcess.StartAsync(databasePath, settings, "A");
        b = await ServerProcess.StartAsync(databasePath, settings, "B");
    }

    public async Task DisposeAsync()
    {
        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }

        await a.DisposeAsync();
        await b.DisposeAsync();
        await redis.DisposeAsync();
        ServerProcess.DeleteDatabase(databasePath);
    }

    private async Task<(InterviewHubClient Client, Pushed Pushed)> OpenAsync(ServerProcess server, string token)
    {
        var client = server.Hub(token);
        clients.Add(client);
        var pushed = Pushed.To(client);
        await client.StartAsync();
        return (client, pushed);
    }

    private async Task<List<double>> AskRoundsAsync(ServerProcess interviewerAt, ServerProcess candidateAt, int rounds)
    {
        var room = await interviewerAt.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
        var seat = await candidateAt.Api().JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var (interviewer, _) = await OpenAsync(interviewerAt, room.InterviewerToken);
        var (candidate, atCandidate) = await OpenAsync(candidateAt, seat.Token);
        var bank = await interviewerAt.Api().GetQuestionsAsync(room.InterviewerToken);
        var timings = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            var turn = await interviewer.AskAsync(bank[i].Id, 60);
            await atCandidate.Asked.NextAsync(t => t.TurnId == turn.TurnId);
            timings.Add(clock.Elapsed.TotalMilliseconds);
            await candidate.SubmitAsync(turn.TurnId, "answer", $"s-{turn.TurnId}");
        }

        return timings;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static double P95(List<double> values) => values.Order().ElementAt((int)Math.Ceiling(values.Count * 0.95) - 1);
}
