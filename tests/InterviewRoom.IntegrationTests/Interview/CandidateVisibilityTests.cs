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

    [Fact]
    public async Task AfterASwap_TheFormerCandidate_GetsNoInterviewerViewOfTheirOwnAnswers_UntilTheAskerRevealsThem()
    {
        const string NotesCanary = "CANARY-notes-4b1e";

        // A canary of its own: the other test of this class plants its canary in questions this one may pick as
        // the round-two question, whose full view rightly reaches Grace, its asker.
        const string SwapCanary = "CANARY-swap-91d2";
        var api = factory.Api();
        var bank = await api.GetQuestionsAsync((await api.CreateRoomAsync()).InterviewerToken, kind: "technical");
        var (unrevealed, revealed, roundTwo) = (bank[0].Id, bank[1].Id, bank[2].Id);
        await PlantCanaryAsync(unrevealed, SwapCanary);

        var room = await api.CreateRoomAsync();
        var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        await using var ada = factory.Hub(room.InterviewerToken);
        var adaPushed = Pushed.To(ada);
        await ada.StartAsync();
        var frames = new FrameRecorder();
        await using var grace = factory.Hub(seat.Token, HttpTransportType.LongPolling, o => o.HttpMessageHandlerFactory = _ => frames);
        var gracePushed = Pushed.To(grace);
        await grace.StartAsync();

        // Round 1: Ada asks two questions and scores both; she reveals only the second.
        var first = await AnsweredAsync(ada, grace, gracePushed, unrevealed, "Grace on the first");
        await ada.ScoreAsync(first.TurnId, new ScoreInput("s1", Overall: 2, Notes: $"{NotesCanary} v1"));
        var second = await AnsweredAsync(ada, grace, gracePushed, revealed, "Grace on the second");
        await ada.ScoreAsync(second.TurnId, new ScoreInput("s2", Overall: 4, Notes: "shown to Grace"));
        await ada.RevealAsync(second.TurnId);
        await gracePushed.Revealed.NextAsync(t => t.TurnId == second.TurnId);

        await ada.SwapRolesAsync();
        var graceState = await grace.GetStateAsync();
        Assert.Equal(ParticipantRole.Interviewer, graceState.You.Role);
        Assert.Null(graceState.Turns[0].Interviewer);
        Assert.Null(graceState.Turns[0].Feedback);
        Assert.Equal(graceState.Participants.Single(p => p.Role == ParticipantRole.Candidate).ParticipantId, graceState.Turns[0].AskedBy);
        Assert.NotNull(graceState.Turns[1].Interviewer); // revealed: nothing left to hide

        // Ada, the candidate now, still scores her round; the new version goes to her alone.
        await ada.ScoreAsync(first.TurnId, new ScoreInput("s1-again", Overall: 3, Notes: $"{NotesCanary} v2", BaseVersion: 1));
        await adaPushed.Scores.NextAsync(s => s.TurnId == first.TurnId && s.Version == 2);

        // Round 2 as usual, with Grace asking: her own turn's full view reaches her.
        var third = await grace.AskAsync(roundTwo, 60);
        await adaPushed.Asked.NextAsync(t => t.TurnId == third.TurnId);
        await ada.SubmitAsync(third.TurnId, "Ada's answer");
        var submitted = await gracePushed.Submitted.NextAsync(t => t.TurnId == third.TurnId);
        Assert.NotNull(submitted.Interviewer);
        var report = await api.GetReportAsync(room.RoomId, seat.Token);
        Assert.Null(report.Items[0].Score);
        Assert.Equal(4, report.Items[1].Score!.Overall);

        var beforeReveal = frames.Everything;
        Assert.Contains("Grace on the first", beforeReveal);
        Assert.DoesNotContain(SwapCanary, beforeReveal);
        Assert.DoesNotContain(NotesCanary, beforeReveal);

        // Once Ada reveals it, Grace sees the feedback on her answer, latest version included.
        await ada.RevealAsync(first.TurnId);
        var feedback = await gracePushed.Revealed.NextAsync(t => t.TurnId == first.TurnId);
        Assert.Equal($"{NotesCanary} v2", feedback.Feedback!.Score.Notes);
        Assert.NotNull((await grace.GetStateAsync()).Turns[0].Interviewer);
    }

    private static async Task<TurnView> AnsweredAsync(
        InterviewRoom.Client.InterviewHubClient asker, InterviewRoom.Client.InterviewHubClient answerer, Pushed answererPushed,
        int questionId, string answer)
    {
        var turn = await asker.AskAsync(questionId, 60);
        await answererPushed.Asked.NextAsync(t => t.TurnId == turn.TurnId);
        await answerer.SubmitAsync(turn.TurnId, answer);
        return turn;
    }

    private Task<int> PlantCanaryAsync(int questionId, string canary = Canary) => factory.WithDbAsync(async db =>
    {
        var question = await db.Questions.Include(q => q.Rubrics).SingleAsync(q => q.Id == questionId);
        question.ReferenceAnswer += $" {canary}";
        question.Guidance = [.. question.Guidance, new GuidanceItem(GuidanceKind.LookFor, $"{canary} guidance")];
        foreach (var rubric in question.Rubrics)
        {
            rubric.Criteria = [.. rubric.Criteria.Select(c => c with { Text = $"{c.Text} {canary}" })];
            rubric.RedFlags = [.. rubric.RedFlags, new RedFlag("r9", $"{canary} red flag")];
            rubric.Anchors = [.. rubric.Anchors.Select(a => a with { Anchor = $"{a.Anchor} {canary}" })];
            rubric.Note = $"{canary} note";
            rubric.NeedsReview = $"{canary} needs review";
        }

        question.EditedAt = DateTime.UtcNow;
        return await db.SaveChangesAsync();
    });
}
