using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.IntegrationTests.Support;

namespace InterviewRoom.IntegrationTests.Interview;

public sealed class RoleSwapTests : IAsyncLifetime
{
    private readonly InterviewRoomFactory factory = new();
    private Session session = null!;

    [Fact]
    public async Task SwapRoles_AfterARound_TradesPlaces_AndTheReportShowsBothRoundsWithEachPersonsAnswers()
    {
        var (first, second) = await TwoQuestionsAsync();

        // Round 1: Ada asks, Grace answers.
        await RoundAsync(session.Interviewer, session.Candidate, session.CandidatePushed, first, "Grace's answer", overall: 4);

        var swapped = await session.Interviewer.SwapRolesAsync();
        Assert.Equal(2, swapped.Round);
        var graceState = await session.Candidate.GetStateAsync();
        Assert.Equal(ParticipantRole.Interviewer, graceState.You.Role);
        Assert.Equal(2, graceState.Round);
        Assert.Null(graceState.Turns[0].Interviewer); // her own answer: its rubric and score stay Ada's until revealed

        // Nobody scores their own answer: round 1 stays Ada's to score, even though Ada is the candidate now.
        var roundOne = graceState.Turns[0].TurnId;
        await HubAssert.RefusedAsync(
            () => session.Candidate.ScoreAsync(roundOne, new ScoreInput("self-score", Overall: 5)),
            "Only the interviewer who asked this question can score an answer.");
        Assert.Equal(2, (await session.Interviewer.ScoreAsync(roundOne, new ScoreInput("second-look", Overall: 4, BaseVersion: 1))).Version);

        // Round 2: Grace asks, Ada answers. The connections are the same ones; the roles come from the database.
        await RoundAsync(session.Candidate, session.Interviewer, session.InterviewerPushed, second, "Ada's answer", overall: 2);

        await session.Candidate.EndAsync(); // Grace is the interviewer now
        var report = await session.Api.GetReportAsync(session.Room.RoomId, session.Room.InterviewerToken);
        Assert.Collection(
            report.Items,
            item => Assert.Equal((1, "Grace", "Ada", "Grace's answer", (int?)4), (item.Round, item.CandidateName, item.InterviewerName, item.AnswerText, item.Score?.Overall)),
            item => Assert.Equal((2, "Ada", "Grace", "Ada's answer", (int?)2), (item.Round, item.CandidateName, item.InterviewerName, item.AnswerText, item.Score?.Overall)));

        // Each person sees the rubric criteria of the round they scored, and only that one.
        Assert.NotNull(report.Items[0].Score!.Criteria);
        Assert.Null(report.Items[1].Score!.Criteria);
        var graceView = await session.Api.GetReportAsync(session.Room.RoomId, session.CandidateSeat.Token);
        Assert.Null(graceView.Items[0].Score!.Criteria);
        Assert.NotNull(graceView.Items[1].Score!.Criteria);
        var csv = await session.Api.GetReportCsvAsync(session.Room.RoomId, session.CandidateSeat.Token);
        Assert.Contains("1,Grace,Ada", csv, StringComparison.Ordinal);
        Assert.Contains("2,Ada,Grace", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwapRoles_IsRefused_FromTheCandidate_WhileAQuestionIsOpen_AndAfterTheEnd()
    {
        var (first, _) = await TwoQuestionsAsync();

        await HubAssert.RefusedAsync(() => session.Candidate.SwapRolesAsync(), "Only the interviewer can swap roles.");

        await session.Interviewer.AskAsync(first, 60);
        await HubAssert.RefusedAsync(() => session.Interviewer.SwapRolesAsync(), "Question 1 is still open; swap roles after the answer or the time-up.");

        await session.Interviewer.EndAsync();
        await HubAssert.RefusedAsync(() => session.Interviewer.SwapRolesAsync(), "This room has ended; nothing more can be asked, answered or scored.");
        Assert.Equal(ParticipantRole.Interviewer, (await session.Interviewer.GetStateAsync()).You.Role);
    }

    [Fact]
    public async Task Ask_AQuestionTheCandidateWasAlreadyAsked_IsRefused_ButTheOtherPersonMayBeAskedIt()
    {
        var (first, _) = await TwoQuestionsAsync();
        await RoundAsync(session.Interviewer, session.Candidate, session.CandidatePushed, first, "once", overall: 3);

        await HubAssert.RefusedAsync(() => session.Interviewer.AskAsync(first, 60), "Grace has already been asked this question; pick another.");
        Assert.Equal([first], (await session.Interviewer.GetStateAsync()).AskedBefore);

        await session.Interviewer.SwapRolesAsync();
        var turn = await session.Candidate.AskAsync(first, 60); // Grace asks Ada the question Ada never answered
        Assert.Equal(first, turn.QuestionId);
    }

    public async Task InitializeAsync() => session = await Session.StartAsync(factory);

    public async Task DisposeAsync()
    {
        await session.DisposeAsync();
        await factory.DisposeAsync();
    }

    private async Task<(int First, int Second)> TwoQuestionsAsync()
    {
        var bank = await session.Api.GetQuestionsAsync(session.Room.InterviewerToken, kind: "technical");
        return (bank[0].Id, bank[1].Id);
    }

    private static async Task RoundAsync(
        InterviewRoom.Client.InterviewHubClient asker, InterviewRoom.Client.InterviewHubClient answerer, Pushed answererPushed,
        int questionId, string answer, int overall)
    {
        var turn = await asker.AskAsync(questionId, 60);
        await answererPushed.Asked.NextAsync(t => t.TurnId == turn.TurnId);
        await answerer.AcknowledgeAsync(turn.TurnId);
        await answerer.SubmitAsync(turn.TurnId, answer, $"submit-{turn.TurnId}");
        await asker.ScoreAsync(turn.TurnId, new ScoreInput($"score-{turn.TurnId}", Overall: overall));
    }
}
