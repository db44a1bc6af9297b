using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.IntegrationTests.Interview;

public sealed class CandidateVisibilityTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    private const string Canary = "CANARY-7f3a9c-reference";

    [Fact]
    public async Task Candidate_OverAWholeSession_NeverReceivesTheReferenceAnswerOrRubric()
    {
        var api = factory.Api();
        var questions = await api.GetQuestionsAsync((await api.CreateRoomAsync()).InterviewerToken);
        var planted = questions.Single(q => q.Number == 5);
        var other = questions.Single(q => q.Number == 2);
        await PlantCanaryAsync(planted.Id);
        await PlantCanaryAsync(other.Id);

        var room = await api.CreateRoomAsync();
        var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        await using var interviewer = factory.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        var staffPushed = Pushed.To(interviewer);

        var frames = new FrameRecorder();
        await using var candidate = factory.Hub(seat.Token, HttpTransportType.LongPolling, o => o.HttpMessageHandlerFactory = _ => frames);
        var candidatePushed = Pushed.To(candidate);
        await candidate.StartAsync();

        // Answered and scored.
        var turn1 = await interviewer.AskAsync(planted.Id, 60);
        await staffPushed.Delivered.NextAsync();
        await candidate.SubmitAsync(turn1.TurnId, "My answer");
        var fullView = await staffPushed.Submitted.NextAsync();
        Assert.Contains(Canary, fullView.Interviewer!.ReferenceAnswer);
        var criterion = fullView.Interviewer.Rubric.Criteria[0].Id;
        await interviewer.ScoreAsync(turn1.TurnId, new ScoreInput("s1", [new CriterionRating(criterion, 2)], Notes: "fine"));
        await staffPushed.Scores.NextAsync();

        // Timed out, with a resync and refused calls in between.
        var turn2 = await interviewer.AskAsync(other.Id, 3);
        await candidatePushed.Asked.NextAsync(t => t.TurnId == turn2.TurnId);
        await candidate.GetStateAsync();
        await Assert.ThrowsAsync<HubException>(() => candidate.AskAsync(planted.Id, 60));
        await Assert.ThrowsAsync<HubException>(() => candidate.ScoreAsync(turn1.TurnId, new ScoreInput("x", Overall: 5)));
        await candidatePushed.TimeUp.NextAsync();
        await interviewer.EndAsync();
        await candidatePushed.Ended.NextAsync();
        await candidate.GetStateAsync();

        var received = frames.Everything;
        Assert.Contains(planted.Text, received);
        Assert.Contains("\"type\":1", received);
        Assert.Contains("My answer", received);
        Assert.DoesNotContain(Canary, received);
        Assert.DoesNotContain("referenceAnswer", received);
        Assert.DoesNotContain("rubric", received, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("\"interviewer\":{", received);
    }

    private Task<int> PlantCanaryAsync(int questionId) => factory.WithDbAsync(async db =>
    {
        var question = await db.Questions.Include(q => q.Rubrics).SingleAsync(q => q.Id == questionId);
        question.ReferenceAnswer += $" {Canary}";
        question.Guidance = [.. question.Guidance, new GuidanceItem(GuidanceKind.LookFor, $"{Canary} guidance")];
        foreach (var rubric in question.Rubrics)
        {
            rubric.Criteria = [.. rubric.Criteria.Select(c => c with { Text = $"{c.Text} {Canary}" })];
            rubric.RedFlags = [.. rubric.RedFlags, new RedFlag("r9", $"{Canary} red flag")];
            rubric.Anchors = [.. rubric.Anchors.Select(a => a with { Anchor = $"{a.Anchor} {Canary}" })];
            rubric.Note = $"{Canary} note";
            rubric.NeedsReview = $"{Canary} needs review";
        }

        question.EditedAt = DateTime.UtcNow;
        return await db.SaveChangesAsync();
    });
}
