using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>
/// Issue 12, item 4: an interviewer who asks before the candidate has joined. The server starts the clock when the
/// candidate's page shows the question, so the candidate arrives to the whole time box, not to what is left of it.
/// </summary>
public sealed class ClockStartsAtDeliveryTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task AQuestionAskedBeforeTheCandidateJoins_StartsItsClockWhenTheCandidateSeesIt()
    {
        var room = await factory.Api().CreateRoomAsync(new CreateRoomRequest("Ada", "Early ask"));
        await using var interviewer = await Person.OpenAsync(chromium, factory.BaseAddress, "interviewer");
        await using var candidate = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate");
        try
        {
            await interviewer.Page.GotoAsync($"/room/{room.RoomId}#key={Uri.EscapeDataString(room.InterviewerToken)}");
            await interviewer.ById("ask-seconds").FillAsync("120");
            await interviewer.ById("bank-search").FillAsync("web sockets");
            await interviewer.Page.Locator("[data-testid=bank-question][data-number='2']").GetByTestId("ask-now").ClickAsync();

            // Nobody has the question yet: the interviewer is told the clock waits, and it shows the whole time box.
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "asked");
            await Expect(interviewer.ById("turn-phase")).ToContainTextAsync("the clock starts when the candidate sees it");
            await Expect(interviewer.ById("turn-countdown")).ToHaveTextAsync("2:00");

            await candidate.Page.GotoAsync(room.CandidateJoinUrl);
            await candidate.ById("join-name").FillAsync("Grace");
            await candidate.ById("join-submit").ClickAsync();
            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(interviewer.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "answering");

            await Expect(candidate.ById("countdown")).ToHaveTextAsync(new Regex("^(2:00|1:5\\d)$"));
            await using var hub = factory.Hub(room.InterviewerToken);
            await hub.StartAsync();
            var turn = (await hub.GetStateAsync()).CurrentTurn!;
            Assert.Equal(TurnStatus.Answering, turn.Status);
            Assert.True(turn.DeliveredAt > turn.AskedAt);
            Assert.Equal(TimeSpan.FromSeconds(120), turn.Deadline - turn.DeliveredAt!.Value);
        }
        catch
        {
            await interviewer.ScreenshotAsync(nameof(AQuestionAskedBeforeTheCandidateJoins_StartsItsClockWhenTheCandidateSeesIt) + "-interviewer");
            await candidate.ScreenshotAsync(nameof(AQuestionAskedBeforeTheCandidateJoins_StartsItsClockWhenTheCandidateSeesIt) + "-candidate");
            throw;
        }
    }
}
