using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Questions.Rubrics;
using InterviewRoom.Server.Scoring;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace InterviewRoom.Tests.Scoring;

public sealed class ScoreServiceTests : IAsyncLifetime
{
    private readonly TestDatabase test = new();
    private Caller interviewer = null!;
    private Guid roomId;
    private Guid turnId;

    public async Task InitializeAsync()
    {
        var (room, host, candidate, question) = await test.SeedRoomAsync();
        roomId = room.Id;
        interviewer = new Caller(host.Id, room.Id);
        await using var scope = test.Services.CreateAsyncScope();
        var interview = scope.ServiceProvider.GetRequiredService<InterviewService>();
        turnId = (await interview.AskAsync(interviewer, question.Id, 60, default)).TurnId;
        await interview.SubmitAsync(new Caller(candidate.Id, room.Id), turnId, "answer", "a1", default);
    }

    [Fact]
    public async Task Score_RepeatedWithTheSameRequestId_StoresOneRow_AndPushesOnce()
    {
        var input = new ScoreInput("req-1", [new CriterionRating("c1", 2), new CriterionRating("c2", 1)]);
        var first = await ScoreAsync(input);
        var again = await ScoreAsync(input);

        Assert.Equal(first.Version, again.Version);
        Assert.Equal(3, first.SuggestedOverall); // the core point clearly, one more partly: one clear point caps at 3
        Assert.Equal(1, await test.WithDbAsync(db => db.Scores.CountAsync()));
        test.Group(RoomGroups.Seat(interviewer.ParticipantId)).Verify(c => c.ScoreSaved(It.IsAny<ScoreView>()), Times.Once);
    }

    [Fact]
    public async Task Score_Edited_StoresANewVersion_AndKeepsTheOldOne()
    {
        await ScoreAsync(new ScoreInput("req-1", Overall: 3, Notes: "first"));
        var edit = await ScoreAsync(new ScoreInput("req-2", Overall: 4, Notes: "second look", BaseVersion: 1));

        Assert.Equal(2, edit.Version);
        var history = await test.WithDbAsync(db => db.Scores.OrderBy(s => s.Version).Select(s => new { s.Version, s.Overall, s.Notes }).ToListAsync());
        Assert.Equal([(1, 3, "first"), (2, 4, "second look")], history.Select(h => (h.Version, h.Overall!.Value, h.Notes!)));
    }

    [Fact]
    public async Task Score_EditedFromAStaleVersion_IsRefused_AndTheNewerVersionStays()
    {
        await ScoreAsync(new ScoreInput("req-1", Overall: 3));
        await ScoreAsync(new ScoreInput("req-2", Overall: 4, BaseVersion: 1));

        var stale = await Assert.ThrowsAsync<RoomRuleException>(() => ScoreAsync(new ScoreInput("req-3", Overall: 1, BaseVersion: 1)));

        Assert.Equal(RuleViolation.Conflict, stale.Violation);
        Assert.Contains("now version 2, you edited version 1", stale.Message);
        Assert.Equal(2, await test.WithDbAsync(db => db.Scores.CountAsync()));
    }

    [Fact]
    public async Task Score_WithATickedRedFlag_IsCappedAtTwo_EvenWhenOverridden()
    {
        var score = await ScoreAsync(new ScoreInput(
            "req-1", [new CriterionRating("c1", 2), new CriterionRating("c2", 2), new CriterionRating("c3", 2)], ["r1"], Overall: 5));
        Assert.Equal(5, score.SuggestedOverall);
        Assert.Equal(2, score.Overall);
        Assert.Equal(["r1"], score.RedFlags);
    }

    [Fact]
    public async Task Score_SaidSomethingWrong_CapsAtTwoLikeAnyRedFlag()
    {
        var score = await ScoreAsync(new ScoreInput(
            "req-1", [new CriterionRating("c1", 2), new CriterionRating("c2", 2), new CriterionRating("c3", 2)], [StandardItems.SaidSomethingWrongId]));

        Assert.Equal(5, score.SuggestedOverall);
        Assert.Equal(2, score.Overall);
    }

    [Fact]
    public async Task Score_NotAssessed_IsStoredWithoutAnOverall()
    {
        var score = await ScoreAsync(new ScoreInput("req-1", NotAssessed: true, Notes: "Ran out of time"));
        Assert.True(score.NotAssessed);
        Assert.Null(score.Overall);
    }

    [Fact]
    public async Task Score_ByTheCandidate_IsForbidden()
    {
        var candidateId = await test.WithDbAsync(db => db.Participants.Where(p => p.Role == ParticipantRole.Candidate).Select(p => p.Id).SingleAsync());
        await using var scope = test.Services.CreateAsyncScope();
        var error = await Assert.ThrowsAsync<RoomRuleException>(() => scope.ServiceProvider.GetRequiredService<ScoreService>()
            .ScoreAsync(new Caller(candidateId, roomId), turnId, new ScoreInput("x", Overall: 5), default));
        Assert.Equal(RuleViolation.Forbidden, error.Violation);
        Assert.Equal(0, await test.WithDbAsync(db => db.Scores.CountAsync()));
    }

    public async Task DisposeAsync() => await test.DisposeAsync();

    private async Task<ScoreView> ScoreAsync(ScoreInput input)
    {
        await using var scope = test.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ScoreService>().ScoreAsync(interviewer, turnId, input, default);
    }
}
