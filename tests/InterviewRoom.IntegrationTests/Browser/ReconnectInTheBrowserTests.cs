using System.Text.RegularExpressions;
using InterviewRoom.Contracts.Rooms;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

public sealed class ReconnectInTheBrowserTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task Candidate_LosingTheNetworkMidInterview_SeesTheBanner_ThenCatchesUpWithWhatWasMissed()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Flaky network"));
        await using var interviewer = factory.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        await using var network = new TcpProxy(factory.BaseAddress);
        await using var candidate = await Person.OpenAsync(chromium, network.Address, "candidate");
        try
        {
            await candidate.Page.GotoAsync($"/join/{room.RoomCode}");
            await candidate.ById("join-name").FillAsync("Grace");
            await candidate.ById("join-submit").ClickAsync();
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync();

            network.Cut();
            await Expect(candidate.ById("reconnecting")).ToBeVisibleAsync(new() { Timeout = 30_000 });

            // Asked while the candidate is away: the push is lost, the state is not.
            var questions = await api.GetQuestionsAsync(room.InterviewerToken);
            await interviewer.AskAsync(questions.Single(q => q.Number == 2).Id, 120);

            network.Restore();
            await Expect(candidate.ById("reconnecting")).ToBeHiddenAsync(new() { Timeout = 30_000 });
            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(candidate.ById("countdown")).ToHaveTextAsync(new Regex(@"^[12]:\d\d$"));
            await candidate.ById("submit-answer").ClickAsync();
            await Expect(candidate.ById("submitted")).ToBeVisibleAsync();
        }
        catch
        {
            await candidate.ScreenshotAsync(nameof(Candidate_LosingTheNetworkMidInterview_SeesTheBanner_ThenCatchesUpWithWhatWasMissed));
            throw;
        }
    }
}
