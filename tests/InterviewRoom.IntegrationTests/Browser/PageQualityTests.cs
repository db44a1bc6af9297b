using InterviewRoom.Contracts.Rooms;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

/// <summary>What a person notices before any feature: it fits a phone, every control is labelled, it is keyboard operable.</summary>
public sealed class PageQualityTests(InterviewRoomFactory factory, Chromium chromium)
    : IClassFixture<InterviewRoomFactory>, IClassFixture<Chromium>
{
    // Every visible form control has an accessible name (label, aria-label or aria-labelledby).
    private const string UnlabelledControls = """
        () => [...document.querySelectorAll('input, select, textarea, button')]
          .filter(e => e.offsetParent !== null && e.type !== 'hidden')
          .filter(e => !(e.labels && e.labels.length) && !e.getAttribute('aria-label') && !e.getAttribute('aria-labelledby')
                       && !(e.tagName === 'BUTTON' && e.textContent.trim()))
          .map(e => e.outerHTML.slice(0, 120))
        """;

    [Fact]
    public async Task EveryPage_OnAPhoneSizedScreen_FitsWithoutSideways_AndLabelsEveryControl()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Phone"));
        await using var phone = await Person.OpenAsync(chromium, factory.BaseAddress, "phone", width: 360, height: 780);
        var pages = new[]
        {
            "/",
            $"/room/{room.RoomId}#key={room.InterviewerToken}",
            $"/join/{room.RoomCode}",
            new Uri(room.ObserverJoinUrl).PathAndQuery + new Uri(room.ObserverJoinUrl).Fragment,
            $"/report/{room.RoomId}#key={room.InterviewerToken}",
        };

        foreach (var path in pages)
        {
            await phone.Page.GotoAsync(path);
            await phone.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            var overflow = await phone.Page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px at 360 px wide");
            Assert.Empty(await phone.Page.EvaluateAsync<string[]>(UnlabelledControls));
        }

        Assert.Empty(phone.ConsoleErrors);
    }

    [Theory]
    [InlineData(390, 844)]
    [InlineData(1280, 800)]
    public async Task Toasts_NeverCoverTheFocusedControl_OrTheMainButton_AndAnErrorGoesOnceFixed(int width, int height)
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Toasts"));
        var question = (await api.GetQuestionsAsync(room.InterviewerToken))[0];
        await using var interviewer = factory.Hub(room.InterviewerToken);
        await interviewer.StartAsync();
        await using var grace = await Person.OpenAsync(chromium, factory.BaseAddress, $"toasts-{width}", width, height);
        await grace.Page.GotoAsync($"/join/{room.RoomCode}");

        // An error toast stays only until the person fixes what it is about.
        await grace.ById("join-submit").ClickAsync();
        await Expect(grace.ById("status")).ToHaveTextAsync("Enter your name to join.");
        await grace.ById("join-name").PressSequentiallyAsync("Grace");
        await Expect(grace.ById("status")).ToBeEmptyAsync();
        await grace.ById("join-submit").ClickAsync();
        await Expect(grace.ById("waiting")).ToBeVisibleAsync();

        // The time-up toast, arriving while Grace types, keeps clear of the answer box (focused) and of Done.
        await interviewer.AskAsync(question.Id, 3);
        await Expect(grace.ById("question-text")).ToHaveTextAsync(question.Text);
        await grace.ById("answer").FocusAsync();
        await Expect(grace.ById("status")).ToContainTextAsync("Time is up");
        Assert.False(await grace.Page.EvaluateAsync<bool>(ToastCovers, "#answer"), $"the toast covers the focused answer box at {width} px");
        Assert.False(await grace.Page.EvaluateAsync<bool>(ToastCovers, "#submit-answer"), $"the toast covers Done at {width} px");
        await grace.ById("submit-answer").FocusAsync();
        Assert.False(await grace.Page.EvaluateAsync<bool>(ToastCovers, "#submit-answer"), $"the toast covers the focused Done at {width} px");
        await grace.ScreenshotAsync($"toast-{width}");
        Assert.Empty(grace.ConsoleErrors);
    }

    [Fact]
    public async Task ScoreNotesPastedOverTheLimit_AreKeptWhole_Flagged_AndNotSavedUntilTheyFit()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Long notes"));
        var seat = await api.JoinAsync(room.RoomCode, "Grace", InterviewRoom.Contracts.Rooms.ParticipantRole.Candidate);
        await using var candidate = factory.Hub(seat.Token);
        var asked = new Recorder<InterviewRoom.Contracts.Interview.TurnView>();
        candidate.QuestionAsked += asked.Add;
        await candidate.StartAsync();
        await using var ada = await Person.OpenAsync(chromium, factory.BaseAddress, "long-notes");
        await ada.Page.GotoAsync($"/room/{room.RoomId}#key={Uri.EscapeDataString(room.InterviewerToken)}");
        await ada.ById("bank-search").FillAsync("web sockets");
        await ada.Page.Locator("[data-testid=bank-question][data-number='2']").GetByTestId("ask-now").ClickAsync();
        var turn = await asked.NextAsync(_ => true);
        await candidate.SubmitAsync(turn.TurnId, "Full duplex over one connection.");
        await Expect(ada.ById("turn-phase")).ToHaveAttributeAsync("data-phase", "submitted");

        await ada.ById("overall-override").SelectOptionAsync("4");
        await ada.ById("score-notes").FillAsync(new string('n', 4_500)); // what a paste does
        await Expect(ada.ById("score-notes")).ToHaveValueAsync(new string('n', 4_500)); // nothing cut off
        await Expect(ada.ById("score-notes-count")).ToContainTextAsync("500 over the limit");
        await ada.ById("save-score").ClickAsync();
        await Expect(ada.ById("status")).ToContainTextAsync("500 characters over the 4,000 limit");
        Assert.Null((await api.GetReportAsync(room.RoomId, room.InterviewerToken)).Items.Single().Score);

        await ada.ById("score-notes").FillAsync(new string('n', 4_000));
        await Expect(ada.ById("score-notes-count")).ToHaveTextAsync("4,000 / 4,000 characters");
        await ada.ById("save-score").ClickAsync();
        await Expect(ada.ById("score-saved")).ToContainTextAsync("version 1");
        Assert.Equal(4_000, (await api.GetReportAsync(room.RoomId, room.InterviewerToken)).Items.Single().Score!.Notes!.Length);
    }

    [Fact]
    public async Task AnAnswerPastedOverTheLimit_IsKeptWhole_Flagged_AndNotSentUntilItFits()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Long answers"));
        var question = (await api.GetQuestionsAsync(room.InterviewerToken))[0];
        await using var interviewer = factory.Hub(room.InterviewerToken);
        var submitted = new Recorder<InterviewRoom.Contracts.Interview.TurnView>();
        interviewer.AnswerSubmitted += submitted.Add;
        await interviewer.StartAsync();
        await using var grace = await Person.OpenAsync(chromium, factory.BaseAddress, "long-answer");
        await grace.Page.GotoAsync($"/join/{room.RoomCode}");
        await grace.ById("join-name").FillAsync("Grace");
        await grace.ById("join-submit").ClickAsync();
        await Expect(grace.ById("waiting")).ToBeVisibleAsync();
        var turn = await interviewer.AskAsync(question.Id, 600);
        await Expect(grace.ById("question-text")).ToHaveTextAsync(question.Text);

        await grace.ById("answer").FillAsync(new string('x', 25_000)); // what a paste does
        await Expect(grace.ById("answer")).ToHaveValueAsync(new string('x', 25_000));
        await Expect(grace.ById("answer-count")).ToContainTextAsync("5,000 over the limit");
        await grace.ById("submit-answer").ClickAsync();
        await Expect(grace.ById("status")).ToContainTextAsync("5,000 characters over the 20,000 limit");
        Assert.Null((await interviewer.GetStateAsync()).Turns.Single().SubmittedAt);

        await grace.ById("answer").FillAsync(new string('x', 20_000));
        await Expect(grace.ById("answer-count")).ToHaveTextAsync("20,000 / 20,000 characters");
        await grace.ById("submit-answer").ClickAsync();
        Assert.Equal(20_000, (await submitted.NextAsync(t => t.TurnId == turn.TurnId)).AnswerText!.Length);
    }

    [Fact]
    public async Task AWrongRoomCode_IsCaughtBeforeTheForm_AndAnUnknownAddressAnswersAPage_WhileTheApiKeepsProblemDetails()
    {
        await using var person = await Person.OpenAsync(chromium, factory.BaseAddress, "wrong-links");
        await person.Page.GotoAsync("/join/WRONG123");
        await Expect(person.ById("bad-code-text")).ToContainTextAsync("\"WRONG123\" cannot be a room code");
        await Expect(person.ById("join-section")).ToBeHiddenAsync();

        var response = await person.Page.GotoAsync("/rooms/nothing-here");
        Assert.Equal(404, response!.Status);
        Assert.StartsWith("text/html", response.Headers["content-type"]);
        await Expect(person.ById("not-found-heading")).ToHaveTextAsync("There is no page at this address");
        await person.ById("not-found-home").ClickAsync();
        await Expect(person.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/$"));

        using var http = factory.Http();
        using var api = new HttpRequestMessage(HttpMethod.Get, "/api/nothing-here");
        api.Headers.Accept.ParseAdd("text/html,application/json");
        using var apiResponse = await http.SendAsync(api);
        Assert.Equal(System.Net.HttpStatusCode.NotFound, apiResponse.StatusCode);
        Assert.Equal("application/problem+json", apiResponse.Content.Headers.ContentType!.MediaType);
        Assert.All(person.ConsoleErrors, e => Assert.Contains("status of 404", e)); // the browser's note on the 404 itself
    }

    private const string ToastCovers = """
        selector => {
          const toast = document.querySelector('[data-testid=status]').getBoundingClientRect();
          const node = document.querySelector(selector).getBoundingClientRect();
          return toast.height > 0 && node.left < toast.right && toast.left < node.right && node.top < toast.bottom && toast.top < node.bottom;
        }
        """;

    [Fact]
    public async Task Home_CanCreateARoom_WithTheKeyboardAlone()
    {
        await using var person = await Person.OpenAsync(chromium, factory.BaseAddress, "keyboard");
        await person.Page.GotoAsync("/");
        await Expect(person.ById("create-room")).ToBeEnabledAsync(); // what a person sees before they can submit
        await person.ById("interviewer-name").FocusAsync();
        await person.Page.Keyboard.TypeAsync("Ada");
        await person.Page.Keyboard.PressAsync("Tab");
        await person.Page.Keyboard.TypeAsync("Keyboard only");
        await person.Page.Keyboard.PressAsync("Enter");
        await Expect(person.Page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/room/"));
        await Expect(person.ById("room-code")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}-[A-HJKMNP-Z2-9]{4}$"));
    }

    [Fact]
    public async Task Pages_AreServedWithAContentSecurityPolicy_AndNeedNothingFromOtherOrigins()
    {
        await using var person = await Person.OpenAsync(chromium, factory.BaseAddress, "csp");
        var foreign = new List<string>();
        person.Page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(factory.BaseAddress.GetLeftPart(UriPartial.Authority), StringComparison.Ordinal)
                && !request.Url.StartsWith("data:", StringComparison.Ordinal))
            {
                foreign.Add(request.Url);
            }
        };
        var response = await person.Page.GotoAsync("/");
        Assert.Contains("script-src 'self'", response!.Headers["content-security-policy"]);
        await person.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.Empty(foreign);
    }
}
