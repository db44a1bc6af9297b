using System.Text.Json;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;
using Microsoft.EntityFrameworkCore;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>The rubric where the interviewer scores and where the candidate reads feedback, in real Chromium.</summary>
public sealed class RubricInTheBrowserTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task ScoringPanel_ShowsCoreItemsProvenanceAnchorsTheSourceNoteAndRedFlags_AndSuggestsWhatTheServerStores()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Rubric check"));
        var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        // Question 17 (ACID and BASE): its reference table is wrong, so its reviewed rubric carries a source note.
        var question = (await api.GetQuestionsAsync(room.InterviewerToken)).Single(q => q.Number == 17);
        var rubric = question.Rubric;
        await using var interviewer = await Person.OpenAsync(chromium, factory.BaseAddress, "interviewer");
        await using var student = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate", width: 390, height: 844);
        try
        {
            await student.Page.GotoAsync($"/join/{room.RoomCode}#key={seat.Token}");
            await Expect(student.ById("waiting")).ToBeVisibleAsync();
            await interviewer.Page.GotoAsync($"/room/{room.RoomId}#key={room.InterviewerToken}");
            await interviewer.ById("bank-search").FillAsync("ACID and BASE");
            await interviewer.Page.Locator("[data-testid=bank-question][data-number='17']").GetByTestId("ask-now").ClickAsync();
            await Expect(student.ById("question-text")).ToHaveTextAsync(question.Text);
            await student.ById("answer").FillAsync("ACID is all or nothing; BASE is eventually consistent.");
            await student.ById("submit-answer").ClickAsync();
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "submitted");

            // Core items marked, each item's provenance shown, this question's anchors beside the overall choice.
            await Expect(interviewer.ById("criterion")).ToHaveCountAsync(rubric.Criteria.Count);
            await Expect(interviewer.ById("core-badge")).ToHaveCountAsync(rubric.Criteria.Count(c => c.Core));
            for (var i = 0; i < rubric.Criteria.Count; i++)
            {
                var criterion = rubric.Criteria[i];
                var box = interviewer.Page.Locator($"[data-testid=criterion][data-criterion-id='{criterion.Id}']");
                await Expect(box).ToContainTextAsync(criterion.Text);
                await Expect(box).ToHaveAttributeAsync("data-core", criterion.Core ? "true" : "false");
                await Expect(box.GetByTestId("criterion-source")).ToHaveTextAsync(Provenance(criterion.Source));
            }

            Assert.Equal([1, 3, 5], rubric.Anchors.Select(a => a.Score));
            foreach (var anchor in rubric.Anchors)
            {
                await Expect(interviewer.ById($"anchor-{anchor.Score}")).ToHaveTextAsync(anchor.Anchor);
            }

            await Expect(interviewer.ById("rubric-source-note")).ToBeVisibleAsync();
            await Expect(interviewer.ById("rubric-source-note")).ToHaveTextAsync(rubric.Note!);
            await Expect(interviewer.ById("rubric-needs-review")).ToBeHiddenAsync();
            await Expect(interviewer.ById("red-flag")).ToHaveCountAsync(rubric.RedFlags.Count);
            await Expect(interviewer.ById("red-flag").Last).ToContainTextAsync("Says something wrong about a core point");
            await Expect(interviewer.ById("overall-override").Locator("option[value='3']")).ToContainTextAsync(rubric.Anchors[1].Anchor);

            // Rate the core items clearly and leave the rest unrated: the page's suggestion is the server's.
            foreach (var core in rubric.Criteria.Where(c => c.Core))
            {
                await interviewer.ById($"rating-{core.Id}-2").CheckAsync();
            }

            await Expect(interviewer.ById("rated-count")).ToContainTextAsync($"Rated {rubric.Criteria.Count(c => c.Core)} of {rubric.Criteria.Count}");
            await Expect(interviewer.ById("suggested-overall")).ToHaveTextAsync("3");
            await interviewer.ById("save-score").ClickAsync();
            await Expect(interviewer.ById("score-saved")).ToContainTextAsync("version 1");
            var report = await api.GetReportAsync(room.RoomId, room.InterviewerToken);
            var score = report.Items.Single().Score!;
            Assert.Equal(3, score.SuggestedOverall);
            Assert.Equal(rubric.Version, score.RubricVersion);
            Assert.Equal(rubric.Criteria.Where(c => !c.Core).Select(c => c.Id), score.Criteria!.Where(c => c.Rating is null).Select(c => c.CriterionId));

            // The candidate's feedback: the same rubric in plain words, essentials marked, unrated items said so.
            await interviewer.ById("reveal-feedback").ClickAsync();
            await Expect(student.ById("feedback-card")).ToContainTextAsync("What a strong answer covers");
            await Expect(student.ById("feedback-criterion")).ToHaveCountAsync(rubric.Criteria.Count);
            await Expect(student.Page.Locator("[data-testid=feedback-criterion][data-core=true] .core-badge")).ToHaveCountAsync(rubric.Criteria.Count(c => c.Core));
            await Expect(student.Page.Locator("[data-testid=feedback-criterion][data-rating=none]")).ToHaveCountAsync(rubric.Criteria.Count(c => !c.Core));
            await Expect(student.Page.Locator("[data-testid=feedback-criterion][data-rating=none]").First).ToContainTextAsync("Not rated");
            await Expect(student.ById("feedback-anchor")).ToHaveCountAsync(3);
            await Expect(student.ById("feedback-rubric-note")).ToHaveTextAsync(rubric.Note!);

            Assert.Empty(interviewer.ConsoleErrors.Concat(student.ConsoleErrors));
        }
        catch
        {
            await interviewer.ScreenshotAsync(nameof(ScoringPanel_ShowsCoreItemsProvenanceAnchorsTheSourceNoteAndRedFlags_AndSuggestsWhatTheServerStores));
            await student.ScreenshotAsync(nameof(ScoringPanel_ShowsCoreItemsProvenanceAnchorsTheSourceNoteAndRedFlags_AndSuggestsWhatTheServerStores));
            throw;
        }
    }

    [Fact]
    public async Task ScoringPanel_ARubricThatNeedsReview_SaysWhyWhereTheInterviewerScores()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Needs review"));
        var question = (await api.GetQuestionsAsync(room.InterviewerToken)).Single(q => q.Number == 5);
        const string Reason = "The reference answer lists products, not how a load balancer decides.";
        await factory.WithDbAsync(async db =>
        {
            var stored = await db.Questions.Include(q => q.Rubrics).SingleAsync(q => q.Id == question.Id);
            stored.Rubrics.Single(r => r.Version == question.Rubric.Version).NeedsReview = Reason;
            return await db.SaveChangesAsync();
        });
        await using var interviewer = await Person.OpenAsync(chromium, factory.BaseAddress, "interviewer");
        try
        {
            await interviewer.Page.GotoAsync($"/room/{room.RoomId}#key={room.InterviewerToken}");
            await interviewer.ById("bank-search").FillAsync("load balancer");
            await interviewer.Page.Locator("[data-testid=bank-question][data-number='5']").GetByTestId("ask-now").ClickAsync();

            await Expect(interviewer.ById("rubric-needs-review")).ToBeVisibleAsync();
            await Expect(interviewer.ById("rubric-needs-review")).ToHaveTextAsync($"Needs review: {Reason}");
        }
        catch
        {
            await interviewer.ScreenshotAsync(nameof(ScoringPanel_ARubricThatNeedsReview_SaysWhyWhereTheInterviewerScores));
            throw;
        }
    }

    /// <summary>
    /// The pages' score-rule.js against the written table (the same rows the server's unit test reads), and
    /// against the server's own calculation over every rating pattern of rubrics of one to six items.
    /// </summary>
    [Fact]
    public async Task ScoreRuleModule_GivesTheServersSuggestion_OnTheTableAndOnEveryPattern()
    {
        var table = JsonDocument.Parse(await File.ReadAllTextAsync(TablePath())).RootElement.GetProperty("cases");
        var cases = table.EnumerateArray().Select(c => new RuleCase(
            c.GetProperty("criteria").GetString()!,
            [.. c.GetProperty("ratings").EnumerateArray().Select(r => r.ValueKind == JsonValueKind.Null ? (int?)null : r.GetInt32())],
            c.GetProperty("suggested").ValueKind == JsonValueKind.Null ? null : c.GetProperty("suggested").GetInt32())).ToList();
        var every = EveryPattern().Select(p => p with { Suggested = ServerSuggestion(p) }).ToList();
        Assert.All(cases, c => Assert.True(c.Suggested == ServerSuggestion(c), $"{c.Criteria} [{string.Join(',', c.Ratings)}]: the table says {c.Suggested}, the server {ServerSuggestion(c)}"));

        await using var person = await Person.OpenAsync(chromium, factory.BaseAddress, "rule");
        await person.Page.GotoAsync("/");
        var mismatches = await person.Page.EvaluateAsync<string[]>(
            """
            async cases => {
              const { suggestedOverall } = await import("/js/score-rule.js");
              const wrong = [];
              for (const c of cases) {
                const criteria = [...c.criteria].map((kind, i) => ({ id: `c${i + 1}`, core: kind === "C" }));
                const ratings = new Map();
                c.ratings.forEach((r, i) => { if (r !== null) ratings.set(`c${i + 1}`, r); });
                const got = suggestedOverall(criteria, ratings);
                if (got !== c.suggested) wrong.push(`${c.criteria} [${c.ratings}]: page ${got}, server ${c.suggested}`);
              }
              return wrong;
            }
            """,
            cases.Concat(every).Select(c => new { criteria = c.Criteria, ratings = c.Ratings, suggested = c.Suggested }).ToArray());

        Assert.Equal(4_353, every.Count);
        Assert.Empty(mismatches);
    }

    private static int? ServerSuggestion(RuleCase c)
    {
        var rubric = c.Criteria.Select((kind, i) => new Criterion($"c{i + 1}", "x", RubricSources.Reviewed, Core: kind == 'C')).ToList();
        var ratings = c.Ratings.Select((r, i) => r is { } value ? new CriterionRating($"c{i + 1}", value) : null).OfType<CriterionRating>().ToList();
        return InterviewRoom.Server.Scoring.ScoreCalculator.Suggest(rubric, ratings);
    }

    private static IEnumerable<RuleCase> EveryPattern()
    {
        for (var size = 1; size <= 6; size++)
        {
            for (var cores = 0; cores <= Math.Min(3, size); cores++)
            {
                var kinds = new string('C', cores) + new string('o', size - cores);
                for (var pattern = 0; pattern < (int)Math.Pow(3, size); pattern++)
                {
                    var ratings = new int?[size];
                    for (int i = 0, rest = pattern; i < size; i++, rest /= 3)
                    {
                        ratings[i] = rest % 3;
                    }

                    yield return new RuleCase(kinds, ratings, null);
                }
            }
        }
    }

    private static string Provenance(string source) => source switch
    {
        RubricSources.Guidance => "From the question's guidance",
        RubricSources.ReferenceAnswer => "From the reference answer",
        RubricSources.Reviewed => "Added by a reviewer",
        _ => throw new ArgumentOutOfRangeException(nameof(source), source, "Not a source of the reviewed bank."),
    };

    private static string TablePath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "tests", "InterviewRoom.Tests", "Scoring", "suggested-overall-table.json");
            if (File.Exists(path))
            {
                return path;
            }
        }

        throw new FileNotFoundException("suggested-overall-table.json was not found above the test binaries.");
    }

    private sealed record RuleCase(string Criteria, int?[] Ratings, int? Suggested);
}
