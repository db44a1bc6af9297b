using InterviewRoom.Contracts.Interview;

namespace InterviewRoom.IntegrationTests.Interview;

public sealed class RevealTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task Reveal_AfterScoring_ShowsTheCandidateTheRubricReferenceAnswerAndScore_AndSurvivesAResync()
    {
        await using var session = await Session.StartAsync(factory);
        var question = (await session.Api.GetQuestionsAsync(session.Room.InterviewerToken)).Single(q => q.Number == 5);
        var turn = await session.Interviewer.AskAsync(question.Id, 60);
        await session.Candidate.SubmitAsync(turn.TurnId, "Spreads traffic over servers.");
        await HubAssert.RefusedAsync(() => session.Interviewer.RevealAsync(turn.TurnId), "Score this answer before revealing feedback.");
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s1", [new CriterionRating("c1", 2)], Notes: "Good start."));

        await HubAssert.RefusedAsync(() => session.Candidate.RevealAsync(turn.TurnId), "Only the interviewer can reveal feedback.");
        await session.Interviewer.RevealAsync(turn.TurnId);
        var feedback = (await session.CandidatePushed.Revealed.NextAsync()).Feedback!;

        Assert.Equal(question.ReferenceAnswer, feedback.ReferenceAnswer);
        Assert.Equal(question.Rubric.Criteria.Select(c => c.Text), feedback.Rubric.Criteria.Select(c => c.Text));
        Assert.Equal("Good start.", feedback.Score.Notes);
        var state = await session.Candidate.GetStateAsync();
        Assert.NotNull(state.CurrentTurn!.Feedback);
        Assert.Null(state.CurrentTurn.Interviewer);

        // An edit after the reveal reaches the candidate too.
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s2", Overall: 4, Notes: "Better on a second look."));
        var edited = await session.CandidatePushed.Revealed.NextAsync();
        Assert.Equal(2, edited.Feedback!.Score.Version);
    }
}
