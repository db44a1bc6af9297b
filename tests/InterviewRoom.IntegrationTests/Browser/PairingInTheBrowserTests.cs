using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>Strangers in real Chromium: the practice queue pairs them into a room, and they swap roles after a round.</summary>
public sealed partial class PairingInTheBrowserTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    [Fact]
    public async Task TwoStrangersInTheQueue_LandInOneRoom_AndAfterAScoredAnswerSwapRoles_IntoRoundTwoAndBack()
    {
        await using var ada = await Person.OpenAsync(chromium, factory.BaseAddress, "ada");
        await using var grace = await Person.OpenAsync(chromium, factory.BaseAddress, "grace");
        try
        {
            // Ada wants to interview, Grace to answer: the queue pairs them and opens the room for each.
            await JoinQueueAsync(ada, "Ada", "interviewer");
            await Expect(ada.ById("queue-status")).ToContainTextAsync("waiting for a partner");
            await Expect(ada.ById("queue-leave")).ToBeEnabledAsync();
            await JoinQueueAsync(grace, "Grace", "candidate");

            await Expect(ada.Page).ToHaveURLAsync(RoomPage());
            await Expect(grace.Page).ToHaveURLAsync(JoinPage());
            await Expect(grace.Page).ToHaveURLAsync(JoinPageWithoutKey()); // the token leaves the address bar
            var roomCode = JoinPageWithoutKey().Match(grace.Page.Url).Groups["code"].Value;
            var shownCode = string.Join('-', roomCode.Chunk(4).Select(group => new string(group))); // as the invite card groups it
            var roomPath = new Uri(ada.Page.Url).AbsolutePath;
            await Expect(ada.ById("room-code")).ToHaveTextAsync(shownCode);
            await Expect(ada.ById("round")).ToHaveTextAsync("Round 1");
            await Expect(grace.ById("role-badge")).ToHaveTextAsync("Candidate");
            await Expect(grace.ById("round")).ToHaveTextAsync("Round 1");
            await Expect(ada.Page.Locator("[data-testid=participant][data-role=candidate]")).ToContainTextAsync("Grace");

            // Round 1: Ada asks, the swap waits for the answer, Grace answers, Ada scores.
            await AskAsync(ada, "web sockets", number: 2);
            await Expect(grace.ById("question-text")).ToHaveTextAsync("What are web sockets?");
            await Expect(ada.ById("swap-roles")).ToBeDisabledAsync();
            await Expect(ada.ById("swap-hint")).ToContainTextAsync("still open");
            await AnswerAsync(grace, "A full-duplex connection kept open over one TCP connection.");
            await Expect(ada.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "submitted");
            await ada.ById("overall-override").SelectOptionAsync("4");
            await ada.ById("save-score").ClickAsync();
            await Expect(ada.ById("score-saved")).ToContainTextAsync("version 1");

            // Swap: each lands on the other page, in round 2.
            await SwapAsync(ada);
            await Expect(ada.Page).ToHaveURLAsync(JoinPage());
            await Expect(grace.Page).ToHaveURLAsync(new Regex($"{Regex.Escape(roomPath)}#key="));
            await Expect(ada.ById("role-badge")).ToHaveTextAsync("Candidate");
            await Expect(ada.ById("round")).ToHaveTextAsync("Round 2");
            await Expect(grace.ById("round")).ToHaveTextAsync("Round 2");
            await Expect(grace.ById("room-code")).ToHaveTextAsync(shownCode);

            // Grace's own round-1 answer, scored by Ada and not revealed: no score, no reference, no Save for her.
            await Expect(grace.ById("rubric-note")).ToContainTextAsync("Only the person who asked it scores it");
            await Expect(grace.ById("save-score")).ToBeDisabledAsync();
            await Expect(grace.ById("reveal-feedback")).ToBeDisabledAsync();
            // ...and her page opens on the new round, not on her own answer (issue 12, item 3).
            await Expect(grace.ById("turn-empty")).ToHaveTextAsync("Round 2: ask your first question. Questions from earlier rounds are in the list below.");
            await Expect(grace.Page.Locator("#turn-body")).ToBeHiddenAsync();

            // Round 2: Ada never answered question 2 (she asked it), so Grace may ask it; she asks another.
            await grace.ById("bank-search").FillAsync("web sockets");
            var webSockets = grace.Page.Locator("[data-testid=bank-question][data-number='2']");
            await Expect(webSockets.GetByTestId("bank-asked")).ToBeVisibleAsync();
            await Expect(webSockets.GetByTestId("ask-now")).ToBeEnabledAsync();
            await AskAsync(grace, "load balancer", number: 5);
            await Expect(ada.ById("question-text")).ToHaveTextAsync("What is a load balancer?");
            await AnswerAsync(ada, "It spreads requests over several servers.");
            await Expect(grace.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "submitted");

            // Back again (round 3): Grace was already asked question 2, so Ada's bank says so and will not ask it.
            await SwapAsync(grace);
            await Expect(grace.Page).ToHaveURLAsync(JoinPage());
            await Expect(ada.Page).ToHaveURLAsync(RoomPage());
            await Expect(grace.ById("round")).ToHaveTextAsync("Round 3");
            await Expect(ada.ById("round")).ToHaveTextAsync("Round 3");
            await ada.ById("bank-search").FillAsync("web sockets");
            var askedBefore = ada.Page.Locator("[data-testid=bank-question][data-number='2']");
            await Expect(askedBefore.GetByTestId("bank-already-asked")).ToHaveTextAsync("Already asked");
            await Expect(askedBefore.GetByTestId("ask-now")).ToBeDisabledAsync();

            Assert.Empty(ada.Dialogs.Concat(grace.Dialogs));
            Assert.Empty(ada.ConsoleErrors.Concat(grace.ConsoleErrors));
        }
        catch
        {
            await ada.ScreenshotAsync(nameof(TwoStrangersInTheQueue_LandInOneRoom_AndAfterAScoredAnswerSwapRoles_IntoRoundTwoAndBack));
            await grace.ScreenshotAsync(nameof(TwoStrangersInTheQueue_LandInOneRoom_AndAfterAScoredAnswerSwapRoles_IntoRoundTwoAndBack));
            throw;
        }
    }

    [Fact]
    public async Task WaitingAloneOnAPhone_TheQueueGivesUpAtItsLimit_TryAgainRejoins_AndLeaveQueueLeaves()
    {
        await using var shortQueue = new InterviewRoomFactory(null, new Dictionary<string, string?> { ["Matchmaking:MaxWait"] = "00:00:03" });
        await using var linus = await Person.OpenAsync(chromium, shortQueue.BaseAddress, "linus", width: 360, height: 780);
        try
        {
            await linus.Page.GotoAsync("/queue");
            await linus.ById("queue-join").ClickAsync();
            await Expect(linus.ById("queue-name")).ToHaveAttributeAsync("aria-invalid", "true"); // a name is required

            await linus.Page.Locator("#queue-topics summary").ClickAsync();
            await linus.ById("queue-topic").First.CheckAsync();
            await Expect(linus.ById("topics-summary")).Not.ToHaveTextAsync("(any topic)");
            await linus.ById("queue-kind-technical").CheckAsync();
            await linus.ById("queue-level").SelectOptionAsync("senior");
            var overflow = await linus.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"/queue scrolls sideways by {overflow} px at 360 px wide");

            await JoinQueueAsync(linus, "Linus", "either");
            await Expect(linus.ById("queue-status")).ToContainTextAsync("waiting for a partner");
            await Expect(linus.ById("queue-remaining")).ToHaveTextAsync(new Regex(@"^0:0[0-3]$"));
            await Expect(linus.ById("queue-out")).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(linus.ById("queue-out-text")).Not.ToBeEmptyAsync();

            await linus.ById("queue-retry").ClickAsync();
            await Expect(linus.ById("queue-status")).ToContainTextAsync("waiting for a partner");
            await linus.ById("queue-leave").ClickAsync();
            await Expect(linus.ById("queue-status")).ToHaveTextAsync("You left the queue.");
            await Expect(linus.ById("queue-join")).ToBeEnabledAsync();

            Assert.Empty(linus.Dialogs);
            Assert.Empty(linus.ConsoleErrors);
        }
        catch
        {
            await linus.ScreenshotAsync(nameof(WaitingAloneOnAPhone_TheQueueGivesUpAtItsLimit_TryAgainRejoins_AndLeaveQueueLeaves));
            throw;
        }
    }

    private static async Task JoinQueueAsync(Person person, string name, string role)
    {
        if (!person.Page.Url.EndsWith("/queue", StringComparison.Ordinal))
        {
            await person.Page.GotoAsync("/queue");
        }

        await person.ById("queue-name").FillAsync(name);
        await person.ById($"queue-role-{role}").CheckAsync();
        await person.ById("queue-join").ClickAsync();
    }

    private static async Task AskAsync(Person interviewer, string search, int number)
    {
        await interviewer.ById("bank-search").FillAsync(search);
        await interviewer.Page.Locator($"[data-testid=bank-question][data-number='{number}']").GetByTestId("ask-now").ClickAsync();
    }

    private static async Task AnswerAsync(Person candidate, string text)
    {
        await candidate.ById("answer").FillAsync(text);
        await candidate.ById("submit-answer").ClickAsync();
        await Expect(candidate.ById("submitted")).ToBeVisibleAsync();
    }

    private static async Task SwapAsync(Person interviewer)
    {
        await Expect(interviewer.ById("swap-roles")).ToBeEnabledAsync();
        await interviewer.ById("swap-roles").ClickAsync();
        await interviewer.ById("confirm-swap").ClickAsync();
    }

    // Page URLs are polled (Expect(page).ToHaveURLAsync), not awaited as navigations: a navigation a click or a push
    // starts can commit before the wait begins, and then goes unseen.
    [GeneratedRegex("/room/[0-9a-f-]{36}#key=")]
    private static partial Regex RoomPage();

    [GeneratedRegex("/join/[A-Z2-9]{12}")]
    private static partial Regex JoinPage();

    [GeneratedRegex("/join/(?<code>[A-Z2-9]{12})$")]
    private static partial Regex JoinPageWithoutKey();
}
