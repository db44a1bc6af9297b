using System.Diagnostics;
using InterviewRoom.Contracts.Rooms;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

public sealed class QuestionDeliveryTimingTests(Chromium chromium, ITestOutputHelper output) : IClassFixture<Chromium>
{
    /// <summary>
    /// Twenty questions, each asked through the hub and each seen in the candidate's real browser. The time
    /// from Ask to the text on screen is written to the test output (a figure, never an assertion).
    /// </summary>
    [Fact]
    public async Task EveryAskedQuestion_AppearsInTheCandidatesBrowser()
    {
        // Twenty rounds in a few seconds is far faster than people click: lift the per-connection call limit.
        await using var factory = new InterviewRoomFactory(null, new Dictionary<string, string?> { ["Hub:CallsPerSecond"] = "1000", ["Hub:CallBurst"] = "1000" });
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Timing"));
        var questions = (await api.GetQuestionsAsync(room.InterviewerToken)).Take(20).ToList();
        await using var interviewer = factory.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        await using var candidate = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate");
        try
        {
            await candidate.Page.GotoAsync($"/join/{room.RoomCode}");
            await candidate.ById("join-name").FillAsync("Grace");
            await candidate.ById("join-submit").ClickAsync();
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync();

            var samples = new List<double>();
            foreach (var question in questions)
            {
                var clock = Stopwatch.StartNew();
                await interviewer.AskAsync(question.Id, 60);
                await candidate.Page.WaitForFunctionAsync(
                    "text => document.querySelector('[data-testid=question-text]')?.textContent === text", question.Text);
                samples.Add(clock.Elapsed.TotalMilliseconds);
                await candidate.ById("submit-answer").ClickAsync();
                await Expect(candidate.ById("submitted")).ToBeVisibleAsync();
            }

            Assert.Equal(20, samples.Count);
            samples.Sort();
            output.WriteLine($"Ask -> visible in the candidate's browser, 20 questions: median {samples[9]:F1} ms, min {samples[0]:F1} ms, max {samples[^1]:F1} ms");
        }
        catch
        {
            await candidate.ScreenshotAsync(nameof(EveryAskedQuestion_AppearsInTheCandidatesBrowser));
            throw;
        }
    }
}
