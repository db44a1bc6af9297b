using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.IntegrationTests.Interview;

public sealed class WholeInterviewTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task ThreeQuestionInterview_WithOneTimeUp_ReportMatchesWhatHappened()
    {
        await using var session = await Session.StartAsync(factory);
        var (interviewer, candidate) = (session.Interviewer, session.Candidate);
        var questions = await session.Api.GetQuestionsAsync(session.Room.InterviewerToken);

        // 1. Asked, delivered (the candidate's client acknowledges on its own), answered, scored.
        var first = questions.Single(q => q.Number == 2);
        var turn1 = await interviewer.AskAsync(first.Id, 60);
        var seen1 = await session.CandidatePushed.Asked.NextAsync();
        Assert.Equal(turn1.TurnId, seen1.TurnId);
        Assert.Equal(first.Text, seen1.QuestionText);
        Assert.Null(seen1.Interviewer);
        var delivered1 = await session.InterviewerPushed.Delivered.NextAsync();
        Assert.Equal(TurnStatus.Answering, delivered1.Status);
        Assert.True(delivered1.DeliveredAt >= delivered1.AskedAt);

        var result1 = await candidate.SubmitAsync(turn1.TurnId, "Full-duplex messaging over one TCP connection.");
        var submitted1 = await session.InterviewerPushed.Submitted.NextAsync();
        Assert.Equal("Full-duplex messaging over one TCP connection.", submitted1.AnswerText);
        Assert.False(result1.IsLate);
        Assert.Equal((long)(submitted1.SubmittedAt!.Value - submitted1.DeliveredAt!.Value).TotalMilliseconds, result1.ResponseTimeMs!.Value, 1.0);

        var criteria1 = first.Rubric.Criteria;
        var score1 = await interviewer.ScoreAsync(turn1.TurnId, new ScoreInput(
            "score-1", [.. criteria1.Select(c => new CriterionRating(c.Id, 2))], Notes: "Precise."));
        Assert.Equal(5, score1.SuggestedOverall);
        Assert.Equal(5, score1.Overall);
        var pushedScore = await session.InterviewerPushed.Scores.NextAsync();
        Assert.Equal((score1.TurnId, score1.Version, score1.Overall), (pushedScore.TurnId, pushedScore.Version, pushedScore.Overall));

        // 2. Asked with a 3 s time box and never answered: the server calls time.
        var second = questions.Single(q => q.Number == 5);
        var turn2 = await interviewer.AskAsync(second.Id, 3);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn2.TurnId);
        var timeUp = await session.InterviewerPushed.TimeUp.NextAsync(TimeSpan.FromSeconds(15));
        var candidateTimeUp = await session.CandidatePushed.TimeUp.NextAsync(TimeSpan.FromSeconds(15));
        Assert.Equal(turn2.TurnId, timeUp.TurnId);
        Assert.Equal(TurnStatus.TimeUp, candidateTimeUp.Status);
        Assert.True(timeUp.TimeUpAt >= timeUp.Deadline);
        await interviewer.ScoreAsync(turn2.TurnId, new ScoreInput("score-2", Overall: 1, Notes: "No answer in time."));

        // 3. Answered; the interviewer overrides the suggestion.
        var third = questions.Single(q => q.Number == 9);
        var turn3 = await interviewer.AskAsync(third.Id, 120);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn3.TurnId);
        await candidate.SubmitAsync(turn3.TurnId, "OAuth, JWT, API keys.");
        await session.InterviewerPushed.Submitted.NextAsync(t => t.TurnId == turn3.TurnId);
        var score3 = await interviewer.ScoreAsync(turn3.TurnId, new ScoreInput(
            "score-3", [new CriterionRating(third.Rubric.Criteria[0].Id, 1)], Overall: 4));
        Assert.Equal(4, score3.Overall);

        await interviewer.EndAsync();
        await session.InterviewerPushed.Ended.NextAsync();
        await session.CandidatePushed.Ended.NextAsync();

        var report = await session.Api.GetReportAsync(session.Room.RoomId, session.Room.InterviewerToken);
        Assert.NotNull(report.EndedAt);
        Assert.Equal([2, 5, 9], report.Items.Select(i => i.QuestionNumber));
        Assert.Equal([TurnStatus.Submitted, TurnStatus.TimeUp, TurnStatus.Submitted], report.Items.Select(i => i.Status));
        Assert.Equal([5, 1, 4], report.Items.Select(i => i.Score!.Overall));
        Assert.Equal(["Full-duplex messaging over one TCP connection.", null, "OAuth, JWT, API keys."], report.Items.Select(i => i.AnswerText));
        var item1 = report.Items[0];
        Assert.Equal(submitted1.SubmittedAt, item1.SubmittedAt);
        Assert.Equal(delivered1.DeliveredAt, item1.DeliveredAt);
        Assert.Equal(result1.ResponseTimeMs, item1.ResponseTimeMs);
        Assert.Equal(criteria1.Count, item1.Score!.Criteria!.Count);
        Assert.All(item1.Score.Criteria!, c => Assert.Equal(2, c.Rating));
        Assert.Null(report.Items[1].ResponseTimeMs);
        Assert.Equal(timeUp.TimeUpAt, report.Items[1].TimeUpAt);

        var csv = await session.Api.GetReportCsvAsync(session.Room.RoomId, session.Room.InterviewerToken);
        var lines = csv.TrimEnd().Split('\n');
        Assert.Equal(4, lines.Length);
        Assert.StartsWith("Ordinal,Round,Candidate,Interviewer,QuestionId,QuestionNumber,Question", lines[0]);
        Assert.Contains("OAuth, JWT, API keys.", csv);
        Assert.Contains(",timeUp,", lines[2]);
    }

    [Fact]
    public async Task CandidateReport_AfterEnd_HasScoresButNoCriteria_AndBeforeEnd_HasNoScores()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(1);
        var turn = await session.Interviewer.AskAsync(questionId, 30);
        await session.InterviewerPushed.Delivered.NextAsync();
        await session.Candidate.SubmitAsync(turn.TurnId, "A migration I led.");
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s", Overall: 3, Notes: "Good example."));

        var during = await session.Api.GetReportAsync(session.Room.RoomId, session.CandidateSeat.Token);
        Assert.Null(Assert.Single(during.Items).Score);

        await session.Interviewer.EndAsync();
        var after = await session.Api.GetReportAsync(session.Room.RoomId, session.CandidateSeat.Token);
        var score = Assert.Single(after.Items).Score!;
        Assert.Equal(3, score.Overall);
        Assert.Equal("Good example.", score.Notes);
        Assert.Null(score.Criteria);
    }

    [Fact]
    public async Task GetState_OnReconnect_RestoresQuestionDeadlineAndAnswers_AsTheRoleMaySeeThem()
    {
        await using var session = await Session.StartAsync(factory);
        var questionId = await session.QuestionIdAsync(3);
        var turn = await session.Interviewer.AskAsync(questionId, 90);
        var delivered = await session.InterviewerPushed.Delivered.NextAsync();

        await using var again = factory.Hub(session.CandidateSeat.Token);
        var state = await again.StartAsync();
        Assert.Equal(ParticipantRole.Candidate, state.You.Role);
        Assert.Equal(turn.TurnId, state.CurrentTurn!.TurnId);
        Assert.Equal(delivered.DeliveredAt!.Value.AddSeconds(90), state.CurrentTurn.Deadline); // the clock started at delivery
        Assert.True(state.CurrentTurn.Deadline >= turn.Deadline);
        Assert.Equal(TurnStatus.Answering, state.CurrentTurn.Status);
        Assert.Null(state.CurrentTurn.Interviewer);
        Assert.True(Math.Abs((state.ServerTime - DateTimeOffset.UtcNow).TotalSeconds) < 5);

        var interviewerState = await session.Interviewer.GetStateAsync();
        Assert.NotNull(interviewerState.CurrentTurn!.Interviewer);
        Assert.Contains(interviewerState.Participants, p => p.Role == ParticipantRole.Candidate && p.Online);
    }

    [Fact]
    public async Task Presence_CandidateLeavingAndReturning_IsPushedToTheInterviewer()
    {
        await using var session = await Session.StartAsync(factory);
        await session.Candidate.Connection.StopAsync();
        var left = await session.InterviewerPushed.Left.NextAsync();
        Assert.Equal(session.CandidateSeat.ParticipantId, left.ParticipantId);
        Assert.False(left.Online);

        await session.Candidate.StartAsync();
        var joined = await session.InterviewerPushed.Joined.NextAsync(p => p.ParticipantId == session.CandidateSeat.ParticipantId);
        Assert.True(joined.Online);
        Assert.Equal("Grace", joined.Name);
    }
}
