using System.Net;
using System.Net.Http.Headers;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Questions;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.IntegrationTests.Questions;

public sealed class QuestionsApiTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task GetQuestions_WithoutParameters_ReturnsTheWholeBank_EachWithARubric()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        var bank = await api.GetQuestionsAsync(room.InterviewerToken);

        Assert.Equal(200, bank.Count);
        Assert.Equal(Enumerable.Range(1, 200), bank.Select(q => q.Number));
        Assert.All(bank, q =>
        {
            Assert.NotEmpty(q.Rubric.Criteria);
            Assert.Equal([1, 2, 3, 4, 5], q.Rubric.Scale.Select(a => a.Score));
            Assert.True(q.DefaultTimeLimitSeconds > 0);
            Assert.NotEmpty(q.Topics);
        });
    }

    [Fact]
    public async Task GetQuestions_FiltersByKindTopicAndText()
    {
        var api = factory.Api();
        var token = (await api.CreateRoomAsync()).InterviewerToken;

        var design = await api.GetQuestionsAsync(token, kind: "systemDesign");
        Assert.NotEmpty(design);
        Assert.All(design, q => Assert.Equal(QuestionKind.SystemDesign, q.Kind));

        var all = await api.GetQuestionsAsync(token);
        var topic = all.SelectMany(q => q.Topics).GroupBy(t => t).OrderByDescending(g => g.Count()).First().Key;
        var byTopic = await api.GetQuestionsAsync(token, topic: topic);
        Assert.Equal(all.Count(q => q.Topics.Contains(topic)), byTopic.Count);

        var sockets = await api.GetQuestionsAsync(token, text: "web sockets");
        Assert.Contains(sockets, q => q.Number == 2);
        Assert.All(sockets, q => Assert.True(
            q.Text.Contains("web sockets", StringComparison.OrdinalIgnoreCase)
            || q.ReferenceAnswer.Contains("web sockets", StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public async Task GetQuestions_UnknownKind_Is400()
    {
        var api = factory.Api();
        var token = (await api.CreateRoomAsync()).InterviewerToken;
        var error = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.GetQuestionsAsync(token, kind: "trivia"));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Contains("Unknown kind 'trivia'", error.Problem!.Detail);
    }

    [Fact]
    public async Task GetQuestions_WithACandidateToken_Is403_AndWithoutAToken_Is401()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        var candidate = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);

        var forbidden = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.GetQuestionsAsync(candidate.Token));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.Status);

        using var http = factory.Http();
        using var anonymous = await http.GetAsync("/api/questions");
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/questions");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-token");
        using var forged = await http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
    }
}
