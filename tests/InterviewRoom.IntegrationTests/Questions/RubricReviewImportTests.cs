using System.Text.Json.Nodes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.IntegrationTests.Questions;

/// <summary>The reviewed rubrics as the server imports them: versioned, idempotent, never overwriting what was scored.</summary>
public sealed class RubricReviewImportTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    private static string Seed => Path.Combine(AppContext.BaseDirectory, "seed", "backend-mock-interview-questions.txt");

    private static string Review => Path.Combine(AppContext.BaseDirectory, "seed", "backend-rubric-review.json");

    [Fact]
    public async Task TheBank_ServesTheReviewedRubrics_WithAnchorsTimeBoxesAndTheStandardTick()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new("Ada", "Bank"));
        var bank = await api.GetQuestionsAsync(room.InterviewerToken);

        Assert.Equal(200, bank.Count);
        Assert.All(bank, q =>
        {
            Assert.True(q.Rubric.Reviewed, $"Q{q.Number} is reviewed");
            Assert.Equal([1, 3, 5], q.Rubric.Anchors.Select(a => a.Score));
            Assert.InRange(q.Rubric.Criteria.Count(c => c.Core), 1, 3);
            Assert.Equal("wrong", q.Rubric.RedFlags[^1].Id);
            Assert.Equal([1, 2, 3, 4, 5], q.Rubric.Scale.Select(a => a.Score));
        });
        Assert.All(bank.Where(q => q.Kind == QuestionKind.SystemDesign), q => Assert.True(q.DefaultTimeLimitSeconds >= 1500, $"Q{q.Number}: {q.DefaultTimeLimitSeconds} s"));
        Assert.Equal(bank.Single(q => q.Number == 12).Rubric.Criteria, bank.Single(q => q.Number == 104).Rubric.Criteria);
        Assert.NotNull(bank.Single(q => q.Number == 135).Rubric.Note);
    }

    [Fact]
    public async Task AChangedReview_IsANewRubricVersion_AndAnEarlierScoreKeepsTheVersionItWasGivenAgainst()
    {
        await using var session = await Session.StartAsync(factory);
        var question = (await session.Api.GetQuestionsAsync(session.Room.InterviewerToken)).Single(q => q.Number == 2);
        var turn = await session.Interviewer.AskAsync(question.Id, 60);
        await session.Candidate.SubmitAsync(turn.TurnId, "Full duplex over one TCP connection.", "a1");
        await session.Interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s1", [new CriterionRating("c1", 2)]));

        // A reviewer rewords question 2's first criterion.
        var changed = JsonNode.Parse(await File.ReadAllTextAsync(Review))!;
        var entry = changed["questions"]!.AsArray().Single(e => (int)e!["number"]! == 2)!;
        entry["criteria"]![0]!["text"] = "Says a WebSocket stays open so either side can send at any time";
        var changedPath = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(changedPath, changed.ToJsonString());
        try
        {
            var first = await ImportAsync(changedPath);
            var again = await ImportAsync(changedPath);

            Assert.Equal(new ImportResult(0, 1, 199, 0), first);
            Assert.Equal(new ImportResult(0, 0, 200, 0), again);
            var current = (await session.Api.GetQuestionsAsync(session.Room.InterviewerToken)).Single(q => q.Number == 2).Rubric;
            Assert.Equal(question.Rubric.Version + 1, current.Version);
            Assert.Equal("Says a WebSocket stays open so either side can send at any time", current.Criteria[0].Text);

            var scored = (await session.Api.GetReportAsync(session.Room.RoomId, session.Room.InterviewerToken)).Items.Single().Score!;
            Assert.Equal(question.Rubric.Version, scored.RubricVersion);
            Assert.Equal(question.Rubric.Criteria[0].Text, scored.Criteria![0].Text);
            Assert.Equal(2, await factory.WithDbAsync(db => db.Set<Rubric>().CountAsync(r => r.QuestionId == question.Id)));
        }
        finally
        {
            await ImportAsync(Review);
            File.Delete(changedPath);
        }
    }

    [Fact]
    public async Task AReviewWrittenForAnotherQuestion_StopsTheImport_AndChangesNothing()
    {
        var broken = JsonNode.Parse(await File.ReadAllTextAsync(Review))!;
        broken["questions"]!.AsArray().Single(e => (int)e!["number"]! == 3)!["question"] = "What is a load balancer?";
        var brokenPath = Path.Combine(Path.GetTempPath(), $"review-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(brokenPath, broken.ToJsonString());
        var before = await factory.WithDbAsync(db => db.Set<Rubric>().CountAsync());
        try
        {
            var error = await Assert.ThrowsAsync<InvalidDataException>(() => ImportAsync(brokenPath));

            Assert.Contains("question 3: written for \"What is a load balancer?\"", error.Message, StringComparison.Ordinal);
            Assert.Equal(before, await factory.WithDbAsync(db => db.Set<Rubric>().CountAsync()));
        }
        finally
        {
            File.Delete(brokenPath);
        }
    }

    private async Task<ImportResult> ImportAsync(string review)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuestionBankImporter>().ImportSeedAsync(Seed, review, CancellationToken.None);
    }
}
