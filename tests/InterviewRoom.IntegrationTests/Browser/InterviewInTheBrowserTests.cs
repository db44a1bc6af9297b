using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>Three people in real Chromium against the real server: an interviewer, a candidate and an observer on a phone.</summary>
public sealed class InterviewInTheBrowserTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    private const string Hostile = "<img src=x onerror=alert(1)>";

    [Fact]
    public async Task TwoQuestionInterview_WithReloadTimeUpScoringRevealAndEnd_EndsInAReportWithThoseScores()
    {
        await using var interviewer = await Person.OpenAsync(chromium, factory.BaseAddress, "interviewer");
        await using var candidate = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate");
        await using var observer = await Person.OpenAsync(chromium, factory.BaseAddress, "observer", width: 390, height: 844);
        try
        {
            // The interviewer creates a room from the home page and shares the candidate link.
            await interviewer.Page.GotoAsync("/");
            await interviewer.ById("interviewer-name").FillAsync("Ada");
            await interviewer.ById("room-title").FillAsync("Browser mock");
            await interviewer.ById("create-room").ClickAsync();
            // Polled, not awaited as a navigation: a commit before the wait began goes unseen (it timed out once in a
            // busy full run with the room page showing).
            await Expect(interviewer.Page).ToHaveURLAsync(new Regex("/room/[0-9a-f-]{36}#key="));
            await Expect(interviewer.ById("candidate-link")).ToHaveAttributeAsync("href", new Regex("/join/[A-Z2-9]{12}$"));
            var candidateLink = await interviewer.ById("candidate-link").GetAttributeAsync("href");

            // The observer link is on the invite card, masked until the interviewer asks to see it.
            await Expect(interviewer.ById("interviewer-link")).ToHaveTextAsync(new Regex("/room/[0-9a-f-]{36}#key=•+$")); // a shared screen shows no key
            await interviewer.ById("show-interviewer-link").ClickAsync();
            await Expect(interviewer.ById("interviewer-link")).ToHaveTextAsync(new Regex("/room/[0-9a-f-]{36}#key=[^•]{20,}$"));
            await interviewer.ById("show-interviewer-link").ClickAsync();
            await Expect(interviewer.ById("observer-link")).ToHaveTextAsync(new Regex("/join/[A-Z2-9]{12}#observer=•+$"));
            await interviewer.ById("show-observer-link").ClickAsync();
            await Expect(interviewer.ById("observer-link")).ToHaveTextAsync(new Regex("/join/[A-Z2-9]{12}#observer=[A-Za-z0-9_-]{43}$"));
            var observerLink = await interviewer.ById("observer-link").TextContentAsync();
            Assert.StartsWith(candidateLink!, observerLink);

            await candidate.Page.GotoAsync(candidateLink!);
            await candidate.ById("join-name").FillAsync("Grace");
            await candidate.ById("join-submit").ClickAsync();
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync();
            await observer.Page.GotoAsync(observerLink!);
            await Expect(observer.ById("join-role-observer")).ToBeCheckedAsync();
            await Expect(observer.ById("join-role-candidate")).ToBeHiddenAsync();
            await observer.ById("join-name").FillAsync("Linus");
            await observer.ById("join-submit").ClickAsync();
            await Expect(observer.ById("observer-waiting")).ToBeAttachedAsync();

            // Question 1 (number 2, "What are web sockets?"), answered after a reload mid-question.
            await interviewer.ById("bank-search").FillAsync("web sockets");
            await interviewer.Page.Locator("[data-testid=bank-question][data-number='2']").GetByTestId("ask-now").ClickAsync();
            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "answering");
            var draft = $"{Hostile}\n    indented line";
            await candidate.ById("answer").FillAsync(draft);
            var countdownBefore = await candidate.ById("countdown").TextContentAsync();

            await candidate.Page.ReloadAsync();
            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(candidate.ById("answer")).ToHaveValueAsync(draft);
            await Expect(candidate.ById("countdown")).ToHaveTextAsync(new Regex(@"^\d+:\d\d$"));
            Assert.True(Seconds(await candidate.ById("countdown").TextContentAsync()) <= Seconds(countdownBefore), "the countdown carries on from the server's deadline");

            await candidate.ById("submit-answer").ClickAsync();
            await Expect(candidate.ById("submitted")).ToBeVisibleAsync();
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "submitted");
            await Expect(interviewer.ById("turn-answer")).ToHaveTextAsync(draft);
            await Expect(observer.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(observer.ById("observer-answer")).ToHaveTextAsync(draft);
            await Expect(observer.ById("answer")).ToBeHiddenAsync();
            Assert.Equal(0, await interviewer.ById("turn-answer").Locator("img").CountAsync());

            // Scored on every criterion, saved, revealed to the candidate.
            foreach (var criterion in await interviewer.Page.GetByTestId("criterion").AllAsync())
            {
                var id = await criterion.GetAttributeAsync("data-criterion-id");
                await interviewer.ById($"rating-{id}-2").CheckAsync();
            }

            await Expect(interviewer.ById("suggested-overall")).ToContainTextAsync("5");
            await interviewer.ById("score-notes").FillAsync("Clear and correct.");
            await interviewer.ById("save-score").ClickAsync();
            await Expect(interviewer.ById("score-saved")).ToContainTextAsync("version 1");
            await interviewer.Page.ReloadAsync();
            await Expect(interviewer.ById("score-saved")).ToContainTextAsync("version 1");
            await Expect(interviewer.ById("score-notes")).ToHaveValueAsync("Clear and correct.");
            await interviewer.ById("reveal-feedback").ClickAsync();
            await Expect(candidate.ById("feedback-overall")).ToContainTextAsync("5");
            await Expect(candidate.ById("feedback-notes")).ToHaveTextAsync("Clear and correct.");

            // Question 2 (number 5) with a 3 s time box: the server calls time.
            await interviewer.ById("ask-seconds").FillAsync("3");
            await interviewer.ById("bank-search").FillAsync("load balancer");
            await interviewer.Page.Locator("[data-testid=bank-question][data-number='5']").GetByTestId("ask-now").ClickAsync();
            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What is a load balancer?");
            await Expect(candidate.ById("time-up")).ToBeVisibleAsync(new() { Timeout = 15_000 });
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "timeUp");
            await interviewer.ById("overall-override").SelectOptionAsync("2");
            await interviewer.ById("save-score").ClickAsync();
            await Expect(interviewer.ById("score-saved")).ToContainTextAsync("version 1");

            // End, then the report shows both scores.
            await interviewer.ById("end-room").ClickAsync();
            await interviewer.ById("confirm-end").ClickAsync();
            await Expect(candidate.ById("room-ended")).ToBeVisibleAsync();
            await Expect(interviewer.ById("room-ended")).ToBeVisibleAsync();

            await interviewer.ById("report-link").ClickAsync();
            await Expect(interviewer.Page).ToHaveURLAsync(new Regex("/report/"));
            await Expect(interviewer.ById("report-item")).ToHaveCountAsync(2);
            await Expect(interviewer.ById("report-score").Nth(0)).ToContainTextAsync("5 / 5");
            await Expect(interviewer.ById("report-score").Nth(1)).ToContainTextAsync("2 / 5");
            await Expect(interviewer.ById("report-item").Nth(0)).ToContainTextAsync(Hostile);
            await Expect(interviewer.ById("chart-score")).ToBeVisibleAsync();
            var download = await interviewer.Page.RunAndWaitForDownloadAsync(() => interviewer.ById("download-csv").ClickAsync());
            Assert.EndsWith(".csv", download.SuggestedFilename);
            var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
            Assert.Contains("What are web sockets?", csv);
            await interviewer.Page.EmulateMediaAsync(new() { Media = Media.Print });
            await Expect(interviewer.ById("download-csv")).ToBeHiddenAsync();
            await Expect(interviewer.ById("report-item").Nth(1)).ToBeVisibleAsync();

            Assert.Empty(interviewer.Dialogs.Concat(candidate.Dialogs).Concat(observer.Dialogs));
            Assert.Empty(interviewer.ConsoleErrors.Concat(candidate.ConsoleErrors).Concat(observer.ConsoleErrors));
        }
        catch
        {
            await interviewer.ScreenshotAsync(nameof(TwoQuestionInterview_WithReloadTimeUpScoringRevealAndEnd_EndsInAReportWithThoseScores));
            await candidate.ScreenshotAsync(nameof(TwoQuestionInterview_WithReloadTimeUpScoringRevealAndEnd_EndsInAReportWithThoseScores));
            await observer.ScreenshotAsync(nameof(TwoQuestionInterview_WithReloadTimeUpScoringRevealAndEnd_EndsInAReportWithThoseScores));
            throw;
        }
    }

    [Fact]
    public async Task Join_ThatOpensNoSeat_TellsThePersonWhatMayBeWrong_AndKeepsWhatTheyTyped()
    {
        var room = await factory.Api().CreateRoomAsync();
        await factory.Api().JoinAsync(room.RoomCode, "Grace", Contracts.Rooms.ParticipantRole.Candidate);
        await using var late = await Person.OpenAsync(chromium, factory.BaseAddress, "late");
        try
        {
            // The room already has its candidate: the server says only "no seat", the page says what that can mean.
            var grouped = string.Join('-', room.RoomCode.Chunk(4).Select(group => new string(group))).ToLowerInvariant();
            await late.Page.GotoAsync($"/join/{grouped}");
            await Expect(late.ById("join-role-observer")).ToBeHiddenAsync();
            await late.ById("join-name").FillAsync("Eve");
            await late.ById("join-submit").ClickAsync();
            await Expect(late.ById("status")).ToContainTextAsync("may already have its candidate or may have ended, or the code may be mistyped");
            await Expect(late.ById("join-name")).ToHaveValueAsync("Eve");
            await Expect(late.ById("join-submit")).ToBeEnabledAsync();
        }
        catch
        {
            await late.ScreenshotAsync(nameof(Join_ThatOpensNoSeat_TellsThePersonWhatMayBeWrong_AndKeepsWhatTheyTyped));
            throw;
        }
    }

    private static int Seconds(string? clock)
    {
        var parts = (clock ?? "0:00").Split(':');
        return (int.Parse(parts[0]) * 60) + int.Parse(parts[1]);
    }
}
