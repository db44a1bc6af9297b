using InterviewRoom.Contracts.Rooms;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>The candidate page follows the room's push numbers: a push lost on its way is made up for at the next one.</summary>
public sealed class PushSequenceInTheBrowserTests(Chromium chromium) : IClassFixture<Chromium>, IAsyncLifetime
{
    private readonly PushDrops drops = new();
    private InterviewRoomFactory factory = null!;

    public Task InitializeAsync()
    {
        factory = new InterviewRoomFactory(null, services: drops.Register);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Candidate_WhoseQuestionPushIsLost_SeesTheQuestionOnceTheNextPushShowsTheGap()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Lossy backplane"));
        var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        await using var interviewer = factory.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        await using var candidate = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate");
        try
        {
            await candidate.Page.GotoAsync($"/join/{room.RoomCode}#key={Uri.EscapeDataString(seat.Token)}");
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync();

            var dropped = drops.DropNext("QuestionAsked", seat.ParticipantId);
            var questions = await api.GetQuestionsAsync(room.InterviewerToken);
            await interviewer.AskAsync(questions.Single(q => q.Number == 2).Id, 120);
            await dropped.WaitAsync(TimeSpan.FromSeconds(15));
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync(); // the page has not heard of it

            // The next push to the room (someone else comes in) carries a number one too far: the page reads the state.
            var observerSeat = await api.JoinAsObserverAsync(room.RoomCode, room.ObserverKey, "Linus");
            await using var observer = factory.Hub(observerSeat.Token);
            await observer.StartAsync();

            await Expect(candidate.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(candidate.Page.Locator("html")).ToHaveAttributeAsync("data-pushes-missed", "1");
        }
        catch
        {
            await candidate.ScreenshotAsync(nameof(Candidate_WhoseQuestionPushIsLost_SeesTheQuestionOnceTheNextPushShowsTheGap));
            throw;
        }
    }

    public Task DisposeAsync() => factory.DisposeAsync().AsTask();
}
