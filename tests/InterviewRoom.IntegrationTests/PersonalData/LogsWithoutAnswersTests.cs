using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.Http.Connections;

namespace InterviewRoom.IntegrationTests.PersonalData;

/// <summary>
/// Rule 12: answer and notes text never reach the logs, even with every source at Verbose (SignalR logs each
/// invocation with its arguments at Debug; EF Core logs every command at Debug).
/// </summary>
public sealed class LogsWithoutAnswersTests
{
    private const string CanaryAnswer = "canary-answer-7f3a91";
    private const string CanaryNotes = "canary-notes-52bd04";

    [Theory]
    [InlineData(HttpTransportType.WebSockets)]
    [InlineData(HttpTransportType.LongPolling)]
    public async Task WholeInterview_AtVerbose_NoLogEventHoldsTheAnswerOrTheNotes(HttpTransportType transport)
    {
        await using var factory = new InterviewRoomFactory(null, new Dictionary<string, string?>
        {
            ["Serilog:MinimumLevel:Default"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.AspNetCore"] = "Verbose",
            ["Serilog:MinimumLevel:Override:Microsoft.EntityFrameworkCore"] = "Verbose",
        });
        await using var session = await Session.StartAsync(factory, transport);
        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(2), 60);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn.TurnId);
        await session.Candidate.SubmitAsync(turn.TurnId, CanaryAnswer);
        Assert.Equal(CanaryAnswer, (await session.InterviewerPushed.Submitted.NextAsync()).AnswerText);
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("score-1", Overall: 3, Notes: CanaryNotes));
        await session.InterviewerPushed.Scores.NextAsync();
        await session.Interviewer.EndAsync();
        await session.CandidatePushed.Ended.NextAsync();
        var report = await session.Api.GetReportAsync(session.Room.RoomId, session.Room.InterviewerToken);
        Assert.Equal(CanaryNotes, report.Items[0].Score!.Notes);

        var lines = factory.Logs.Lines();
        // The levels took effect: SignalR's invocation line and EF Core's commands were logged, without the text.
        Assert.Contains(lines, line => line.Contains("Received hub invocation") && line.Contains("Submit"));
        Assert.Contains(lines, line => line.Contains("Executed DbCommand"));
        Assert.DoesNotContain(lines, line => line.Contains(CanaryAnswer) || line.Contains(CanaryNotes));
    }
}
