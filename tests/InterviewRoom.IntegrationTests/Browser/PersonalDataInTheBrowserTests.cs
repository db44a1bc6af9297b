using System.Text.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.PersonalData;
using InterviewRoom.Contracts.Rooms;
using static Microsoft.Playwright.Assertions;

namespace InterviewRoom.IntegrationTests.Browser;

public sealed class PersonalDataInTheBrowserTests(Chromium chromium) : IClassFixture<Chromium>
{
    [Fact]
    public async Task Candidate_OnTheReport_DownloadsTheirData_ThenDeletesItAfterConfirming()
    {
        await using var factory = new InterviewRoomFactory();
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Browser mock"));
        await using var interviewer = factory.Hub(room.InterviewerToken);
        var pushed = Pushed.To(interviewer);
        await interviewer.StartAsync();
        await using var candidate = await Person.OpenAsync(chromium, factory.BaseAddress, "candidate");
        try
        {
            await candidate.Page.GotoAsync($"/join/{room.RoomCode}");
            await candidate.ById("join-name").FillAsync("Grace");
            await candidate.ById("join-submit").ClickAsync();
            await Expect(candidate.ById("waiting")).ToBeVisibleAsync();
            var turn = await interviewer.AskAsync((await api.GetQuestionsAsync(room.InterviewerToken)).Single(q => q.Number == 2).Id, 60);
            await candidate.ById("answer").FillAsync("My browser answer.");
            await candidate.ById("submit-answer").ClickAsync();
            await pushed.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
            await interviewer.ScoreAsync(turn.TurnId, new ScoreInput("s1", Overall: 4, Notes: "Good."));
            await interviewer.EndAsync();

            await candidate.Page.GotoAsync($"/report/{room.RoomId}");
            var download = await candidate.Page.RunAndWaitForDownloadAsync(() => candidate.ById("download-my-data").ClickAsync());
            var export = JsonSerializer.Deserialize<PersonalDataExport>(await File.ReadAllTextAsync(await download.PathAsync()), InterviewRoomApi.Json)!;
            Assert.Equal("Grace", export.Subject.Name);
            Assert.Equal(("My browser answer.", "Good."), (Assert.Single(export.Answers).AnswerText, export.Answers[0].Scores![0].Notes));

            await candidate.ById("delete-my-data").ClickAsync();
            await Expect(candidate.ById("delete-confirm")).ToBeVisibleAsync();
            await candidate.ById("delete-confirm-yes").ClickAsync();
            await Expect(candidate.ById("data-deleted")).ToBeVisibleAsync();

            var left = await api.ExportSeatDataAsync(room.RoomId, export.Subject.Id, room.InterviewerToken);
            Assert.Equal("Deleted candidate", left.Subject.Name);
            Assert.Null(Assert.Single(left.Answers).AnswerText);
            Assert.DoesNotContain(candidate.ConsoleErrors, e => !e.Contains("401"));
        }
        catch
        {
            await candidate.ScreenshotAsync(nameof(Candidate_OnTheReport_DownloadsTheirData_ThenDeletesItAfterConfirming));
            throw;
        }
    }
}
