using System.Net;
using System.Text.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.IntegrationTests.PersonalData;

/// <summary>Export and delete of one candidate's data in a room (RELIABILITY.md, rule 12).</summary>
public sealed class PersonalDataTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task Export_ByTheInterviewer_HoldsTheCandidatesNameSeatAnswerAndEveryScoreVersion()
    {
        await using var session = await Session.StartAsync(factory);
        var (question, turnId) = await AnsweredAndScoredTwiceAsync(session, "My answer about sockets.", "Second look: solid.");

        var export = await session.Api.ExportSeatDataAsync(session.Room.RoomId, session.CandidateSeat.ParticipantId, session.Room.InterviewerToken);

        Assert.Equal(("seat", session.CandidateSeat.ParticipantId, "Grace"), (export.Subject.Kind, export.Subject.Id, export.Subject.Name));
        var seat = Assert.Single(export.Seats);
        Assert.Equal((session.Room.RoomId, session.Room.RoomCode, ParticipantRole.Candidate, "Grace"), (seat.RoomId, seat.RoomCode, seat.Role, seat.Name));
        Assert.NotEmpty(seat.ConnectedAt); // the candidate is connected: presence is stored, so it is exported
        var answer = Assert.Single(export.Answers);
        Assert.Equal((turnId, question.Id, question.Text, "My answer about sockets."), (answer.TurnId, answer.QuestionId, answer.QuestionText, answer.AnswerText));
        Assert.NotNull(answer.DeliveredAt);
        Assert.NotNull(answer.SubmittedAt);
        Assert.Equal([1, 2], answer.Scores!.Select(s => s.Version));
        var latest = answer.Scores![1];
        Assert.Equal(("Second look: solid.", 2, "Ada"), (latest.Notes, latest.Overall, latest.ScoredBy));
        Assert.Equal("First look.", answer.Scores[0].Notes);
        Assert.Equal([question.Rubric.RedFlags[0].Id], latest.RedFlags);
        Assert.Equal(question.Rubric.Criteria[0].Id, Assert.Single(latest.Ratings).CriterionId);
        Assert.Equal(question.Rubric.Version, latest.RubricVersion);
    }

    [Fact]
    public async Task Export_ByTheCandidate_OfTheirOwnSeat_HasTheirAnswer_AndTheScoresOnlyOnceTheRoomEnded()
    {
        await using var session = await Session.StartAsync(factory);
        await AnsweredAndScoredTwiceAsync(session, "Own answer.", "Notes for later.");
        var (roomId, seatId, token) = (session.Room.RoomId, session.CandidateSeat.ParticipantId, session.CandidateSeat.Token);

        var during = await session.Api.ExportSeatDataAsync(roomId, seatId, token);
        await session.Interviewer.EndAsync();
        await session.CandidatePushed.Ended.NextAsync();
        var after = await session.Api.ExportSeatDataAsync(roomId, seatId, token);

        Assert.Equal("Own answer.", Assert.Single(during.Answers).AnswerText);
        Assert.Null(during.Answers[0].Scores);
        Assert.Equal("Notes for later.", Assert.Single(after.Answers).Scores![^1].Notes);
    }

    [Fact]
    public async Task Export_WithATokenOfAnotherRoom_IsTheSame404_AsAnUnknownPerson_AndAnObserverIsRefused()
    {
        await using var session = await Session.StartAsync(factory);
        var other = await session.Api.CreateRoomAsync();
        var observer = await session.Api.JoinAsObserverAsync(session.Room.RoomCode, session.Room.ObserverKey, "Olive");
        var (roomId, seatId) = (session.Room.RoomId, session.CandidateSeat.ParticipantId);

        var otherRoom = await RefusedAsync(() => session.Api.ExportSeatDataAsync(roomId, seatId, other.InterviewerToken));
        var unknown = await RefusedAsync(() => session.Api.ExportSeatDataAsync(roomId, Guid.NewGuid(), session.Room.InterviewerToken));
        var otherRoomDelete = await RefusedAsync(() => session.Api.DeleteSeatDataAsync(roomId, seatId, other.InterviewerToken));
        var byObserver = await RefusedAsync(() => session.Api.ExportSeatDataAsync(roomId, seatId, observer.Token));

        Assert.Equal(HttpStatusCode.NotFound, otherRoom.Status);
        Assert.Equal((otherRoom.Status, otherRoom.Problem!.Title, otherRoom.Problem.Detail), (unknown.Status, unknown.Problem!.Title, unknown.Problem.Detail));
        Assert.Equal(otherRoom.Problem.Detail, otherRoomDelete.Problem!.Detail);
        Assert.Equal(HttpStatusCode.Forbidden, byObserver.Status);
        Assert.Equal("Grace", (await session.Api.ExportSeatDataAsync(roomId, seatId, session.Room.InterviewerToken)).Subject.Name);
    }

    [Fact]
    public async Task Delete_ByTheInterviewer_DuringTheRoom_RemovesAnswerScoresAndName_ClosesTheSeat_AndTheRoomGoesOn()
    {
        await using var session = await Session.StartAsync(factory);
        var (_, turnId) = await AnsweredAndScoredTwiceAsync(session, "Delete me.", "Delete these notes.");
        var (roomId, seatId, interviewerToken) = (session.Room.RoomId, session.CandidateSeat.ParticipantId, session.Room.InterviewerToken);
        var moved = new Recorder<SeatMovedEvent>();
        session.Candidate.SeatMoved += moved.Add;

        await session.Api.DeleteSeatDataAsync(roomId, seatId, interviewerToken);

        Assert.Null((await moved.NextAsync()).RoomId);
        var left = await session.InterviewerPushed.Left.NextAsync(p => p.ParticipantId == seatId);
        Assert.Equal("Deleted candidate", left.Name);
        await Assert.ThrowsAsync<HubException>(() => session.Candidate.GetStateAsync());
        var revoked = await RefusedAsync(() => session.Api.GetReportAsync(roomId, session.CandidateSeat.Token));
        Assert.Equal(HttpStatusCode.Unauthorized, revoked.Status);

        var export = await session.Api.ExportSeatDataAsync(roomId, seatId, interviewerToken);
        Assert.Equal("Deleted candidate", export.Subject.Name);
        Assert.Null(Assert.Single(export.Answers).AnswerText);
        Assert.Empty(export.Answers[0].Scores!);
        var report = await session.Api.GetReportAsync(roomId, interviewerToken);
        Assert.Null(Assert.Single(report.Items).AnswerText);
        Assert.Null(report.Items[0].Score);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Scores.CountAsync(s => s.TurnId == turnId)));

        // Again: the same answer, nothing else changes.
        await session.Api.DeleteSeatDataAsync(roomId, seatId, interviewerToken);
        var again = await session.Api.ExportSeatDataAsync(roomId, seatId, interviewerToken);
        Assert.Equal(Json(export with { ExportedAt = default }), Json(again with { ExportedAt = default }));

        // The room goes on: a new candidate takes the seat and is asked the next question.
        var next = await session.Api.JoinAsync(session.Room.RoomCode, "Hedy", ParticipantRole.Candidate);
        await using var hedy = factory.Hub(next.Token);
        var hedyPushed = Pushed.To(hedy);
        await hedy.StartAsync();
        var turn = await session.Interviewer.AskAsync(await session.QuestionIdAsync(5), 60);
        Assert.Equal(turn.TurnId, (await hedyPushed.Asked.NextAsync()).TurnId);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn.TurnId);
        await hedy.SubmitAsync(turn.TurnId, "Hedy's answer.");
        Assert.Equal("Hedy's answer.", (await session.InterviewerPushed.Submitted.NextAsync(t => t.TurnId == turn.TurnId)).AnswerText);
    }

    [Fact]
    public async Task Delete_ByTheCandidate_OfTheirOwnSeat_RevokesTheirToken_AndTheInterviewerSeatCannotBeDeleted()
    {
        await using var session = await Session.StartAsync(factory);
        await AnsweredAndScoredTwiceAsync(session, "Mine to delete.", "Notes.");
        var (roomId, seatId, token) = (session.Room.RoomId, session.CandidateSeat.ParticipantId, session.CandidateSeat.Token);

        await session.Api.DeleteSeatDataAsync(roomId, seatId, token);
        var again = await RefusedAsync(() => session.Api.DeleteSeatDataAsync(roomId, seatId, token));
        var interviewerSeat = (await session.Api.GetReportAsync(roomId, session.Room.InterviewerToken)).Participants
            .Single(p => p.Role == ParticipantRole.Interviewer).ParticipantId;
        var ownSeat = await RefusedAsync(() => session.Api.DeleteSeatDataAsync(roomId, interviewerSeat, session.Room.InterviewerToken));

        Assert.Equal(HttpStatusCode.Unauthorized, again.Status); // the token went with the data
        Assert.Null(Assert.Single((await session.Api.ExportSeatDataAsync(roomId, seatId, session.Room.InterviewerToken)).Answers).AnswerText);
        Assert.Equal(HttpStatusCode.Conflict, ownSeat.Status);
        Assert.Equal("Ada", (await session.Api.ExportSeatDataAsync(roomId, interviewerSeat, session.Room.InterviewerToken)).Subject.Name);
    }

    /// <summary>One question asked, delivered, answered, then scored twice (a second version with a red flag).</summary>
    private static async Task<(Contracts.Questions.QuestionDto Question, Guid TurnId)> AnsweredAndScoredTwiceAsync(Session session, string answer, string notes)
    {
        var question = (await session.Api.GetQuestionsAsync(session.Room.InterviewerToken)).Single(q => q.Number == 2);
        var turn = await session.Interviewer.AskAsync(question.Id, 60);
        await session.InterviewerPushed.Delivered.NextAsync(t => t.TurnId == turn.TurnId);
        await session.Candidate.SubmitAsync(turn.TurnId, answer);
        await session.InterviewerPushed.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("first", Overall: 3, Notes: "First look."));
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput(
            "second", [new CriterionRating(question.Rubric.Criteria[0].Id, 2)], [question.Rubric.RedFlags[0].Id], Overall: 2, Notes: notes, BaseVersion: 1));
        return (question, turn.TurnId);
    }

    private static string Json(object value) => JsonSerializer.Serialize(value, InterviewRoomApi.Json);

    private static async Task<InterviewRoomApiException> RefusedAsync(Func<Task> call) =>
        await Assert.ThrowsAsync<InterviewRoomApiException>(call);
}
