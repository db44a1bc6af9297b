// Scripted interview over loopback against a running server: every question round trip timed on the client.
// Usage: dotnet run --project bench/InterviewRoom.Bench -c Release -- http://127.0.0.1:5000 [rounds]
using System.Diagnostics;
using System.Threading.Channels;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;

var server = new Uri(args.Length > 0 ? args[0] : "http://127.0.0.1:5000/");
var rounds = args.Length > 1 ? int.Parse(args[1]) : 50;

var api = new InterviewRoomApi(new HttpClient { BaseAddress = server });
var room = await api.CreateRoomAsync(new CreateRoomRequest("Bench", "Round trips"));
var seat = await api.JoinAsync(room.RoomCode, "Candidate", ParticipantRole.Candidate);
var questions = await api.GetQuestionsAsync(room.InterviewerToken);

await using var interviewer = InterviewHubClient.Create(server, room.InterviewerToken);
await using var candidate = InterviewHubClient.Create(server, seat.Token);
var asked = Channel.CreateUnbounded<TurnView>();
var delivered = Channel.CreateUnbounded<TurnView>();
var submitted = Channel.CreateUnbounded<TurnView>();
var scored = Channel.CreateUnbounded<ScoreView>();
candidate.QuestionAsked += t => asked.Writer.TryWrite(t);
interviewer.QuestionDelivered += t => delivered.Writer.TryWrite(t);
interviewer.AnswerSubmitted += t => submitted.Writer.TryWrite(t);
interviewer.ScoreSaved += s => scored.Writer.TryWrite(s);
await interviewer.StartAsync();
await candidate.StartAsync();

var askToCandidate = new List<double>();
var askToDelivered = new List<double>();
var submitToInterviewer = new List<double>();
var scoreSaved = new List<double>();
var round = new List<double>();
for (var i = 0; i < rounds; i++)
{
    var question = questions[i % questions.Count];
    var clock = Stopwatch.StartNew();
    var turn = await interviewer.AskAsync(question.Id, 60);
    await asked.Reader.ReadAsync();
    askToCandidate.Add(clock.Elapsed.TotalMilliseconds);
    await delivered.Reader.ReadAsync();
    askToDelivered.Add(clock.Elapsed.TotalMilliseconds);

    var submitAt = clock.Elapsed;
    await candidate.SubmitAsync(turn.TurnId, $"Answer {i}");
    await submitted.Reader.ReadAsync();
    submitToInterviewer.Add((clock.Elapsed - submitAt).TotalMilliseconds);

    var scoreAt = clock.Elapsed;
    await interviewer.ScoreAsync(turn.TurnId, new ScoreInput($"s{i}", [new CriterionRating(question.Rubric.Criteria[0].Id, 2)]));
    await scored.Reader.ReadAsync();
    scoreSaved.Add((clock.Elapsed - scoreAt).TotalMilliseconds);
    round.Add(clock.Elapsed.TotalMilliseconds);
}

await interviewer.EndAsync();
Console.WriteLine($"{rounds} question rounds over {server} (ms; median / p95 / max)");
Report("ask -> candidate sees QuestionAsked", askToCandidate);
Report("ask -> interviewer sees QuestionDelivered", askToDelivered);
Report("submit -> interviewer sees AnswerSubmitted", submitToInterviewer);
Report("score -> interviewer sees ScoreSaved", scoreSaved);
Report("whole round (ask, deliver, submit, score)", round);

static void Report(string what, List<double> samples)
{
    var sorted = samples.Order().ToArray();
    double At(double q) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(q * sorted.Length) - 1)];
    Console.WriteLine($"  {what,-45} {At(0.5),7:F1} {At(0.95),7:F1} {sorted[^1],7:F1}");
}
