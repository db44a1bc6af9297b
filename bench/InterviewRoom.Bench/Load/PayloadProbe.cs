using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Reporting;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Load;

/// <summary>
/// One extra room, one cycle, every event kept as raw JSON: the size of each payload as each side receives it,
/// so the table shows that both servers push comparable messages.
/// </summary>
internal static class PayloadProbe
{
    private static readonly (string Event, bool ToInterviewer)[] Shown =
    [
        (HubNames.Events.QuestionAsked, true), (HubNames.Events.QuestionAsked, false), (HubNames.Events.QuestionDelivered, true),
        (HubNames.Events.AnswerSubmitted, true), (HubNames.Events.ScoreSaved, true),
    ];

    public static async Task MeasureAsync(Target target, QuestionSet questions, ScenarioResult result)
    {
        var seats = (await target.CreateRoomsAsync(1))[0];
        var sizes = new ConcurrentDictionary<string, int>();
        await using var interviewer = Hubs.Create(target.Process.BaseUri, HubNames.Path, seats.InterviewerToken);
        await using var candidate = Hubs.Create(target.Process.BaseUri, HubNames.Path, seats.CandidateToken);
        var scored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        foreach (var (name, toInterviewer) in Shown)
        {
            (toInterviewer ? interviewer : candidate).On<JsonElement>(name, e =>
            {
                sizes[Key(name, toInterviewer)] = Encoding.UTF8.GetByteCount(e.GetRawText());
                if (name == HubNames.Events.ScoreSaved)
                {
                    scored.TrySetResult();
                }
            });
        }

        await interviewer.StartAsync();
        await candidate.StartAsync();
        var question = questions.Ids[0];
        var turn = await interviewer.InvokeAsync<TurnLite>(HubNames.Methods.Ask, question, RoomPair.TimeLimitSeconds);
        await candidate.InvokeAsync<TurnLite>(HubNames.Methods.Acknowledge, turn.TurnId);
        await candidate.InvokeAsync<SubmitResult>(HubNames.Methods.Submit, turn.TurnId, new string('a', 600), "probe");
        await interviewer.InvokeAsync<ScoreLite>(HubNames.Methods.Score, turn.TurnId, new ScoreInput("probe", [new CriterionRating(questions.FirstCriterion[question], 2)]));
        await scored.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Task.Delay(200);
        foreach (var (name, toInterviewer) in Shown)
        {
            result.Add($"bytes.{Key(name, toInterviewer)}", $"payload: {name} to the {(toInterviewer ? "interviewer" : "candidate")}",
                sizes.TryGetValue(Key(name, toInterviewer), out var size) ? size : null, "bytes");
        }
    }

    private static string Key(string name, bool toInterviewer) => $"{name}.{(toInterviewer ? "interviewer" : "candidate")}";
}
