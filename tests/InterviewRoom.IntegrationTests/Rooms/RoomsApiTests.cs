using System.Net;
using System.Net.Http.Json;
using System.Text;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Rooms;

namespace InterviewRoom.IntegrationTests.Rooms;

public sealed class RoomsApiTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    internal const string NoSeat = "This code does not open a seat: the room may be full or ended, or the code or link may be mistyped.";

    [Fact]
    public async Task CreateRoom_Returns201_WithSecretsSeparateFromTheJoinCode()
    {
        using var http = factory.Http();
        using var response = await http.PostAsJsonAsync("/api/rooms", new { interviewerName = "Ada", title = "Mock" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var room = (await response.Content.ReadFromJsonAsync<CreateRoomResponse>(InterviewRoomApi.Json))!;

        Assert.Matches("^[A-HJKMNP-Z2-9]{12}$", room.RoomCode);
        Assert.EndsWith($"/join/{room.RoomCode}", room.CandidateJoinUrl);
        Assert.DoesNotContain(room.InterviewerToken, room.CandidateJoinUrl);
        Assert.DoesNotContain(room.ObserverKey, room.CandidateJoinUrl);
        Assert.Equal($"{room.CandidateJoinUrl}#observer={room.ObserverKey}", room.ObserverJoinUrl);
        Assert.NotEqual(room.InterviewerToken, room.ObserverKey);
        foreach (var secret in new[] { room.InterviewerToken, room.ObserverKey })
        {
            var secretBytes = Convert.FromBase64String(secret.Replace('-', '+').Replace('_', '/') + "=");
            Assert.True(secretBytes.Length * 8 >= 128, "each secret carries at least 128 random bits");
        }
    }

    [Fact]
    public async Task CreateRoom_WithoutBody_UsesDefaults()
    {
        using var http = factory.Http();
        using var response = await http.PostAsync("/api/rooms", new StringContent("", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Join_AsCandidateThenObserverByTheLink_GivesEachItsOwnToken_AndASecondCandidateIsRefused()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        var candidate = await api.JoinAsync(room.RoomCode.ToLowerInvariant(), "Grace", ParticipantRole.Candidate);
        var (code, key) = InterviewRoomApi.ObserverKeyOf(room.ObserverJoinUrl);
        var observer = await api.JoinAsObserverAsync(code, key, "Linus");

        Assert.Equal(room.RoomId, candidate.RoomId);
        Assert.Equal(ParticipantRole.Candidate, candidate.Role);
        Assert.Equal(ParticipantRole.Observer, observer.Role);
        Assert.NotEqual(candidate.Token, observer.Token);
        Assert.NotEqual(candidate.Token, room.InterviewerToken);

        // The same answer as for a code that does not exist (SeatGuessingTests compares them all).
        var taken = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.JoinAsync(room.RoomCode, "Eve", ParticipantRole.Candidate));
        Assert.Equal(HttpStatusCode.NotFound, taken.Status);
        Assert.Equal(NoSeat, taken.Problem!.Detail);
        Assert.Equal("not_found", taken.Problem.Code); // what a client branches on (protocol.md, "Error codes")
    }

    [Fact]
    public async Task Join_TwoCandidatesAtOnce_SeatsExactlyOne()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        var attempts = await Task.WhenAll(Enumerable.Range(0, 8).Select(async i =>
        {
            try
            {
                await api.JoinAsync(room.RoomCode, $"C{i}", ParticipantRole.Candidate);
                return HttpStatusCode.OK;
            }
            catch (InterviewRoomApiException e)
            {
                return e.Status;
            }
        }));

        Assert.Equal(1, attempts.Count(s => s == HttpStatusCode.OK));
        Assert.All(attempts.Where(s => s != HttpStatusCode.OK), s => Assert.Equal(HttpStatusCode.NotFound, s));
    }

    [Fact]
    public async Task Join_UnknownCode_Is404ProblemDetails()
    {
        using var http = factory.Http();
        using var response = await http.PostAsJsonAsync("/api/rooms/ZZZZ-ZZZZ-ZZZZ/join", new { name = "Eve", role = "candidate" });
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<ApiProblem>();
        Assert.Equal(NoSeat, problem!.Detail);
    }

    [Theory]
    [InlineData("{not json", "The request body could not be read")]
    [InlineData("{\"name\": \"\", \"role\": \"candidate\"}", "name is required.")]
    [InlineData("{\"name\": \"Eve\", \"role\": \"interviewer\"}", "role must be \"candidate\" or \"observer\".")]
    [InlineData("{\"name\": 42, \"role\": \"candidate\"}", "The request body could not be read")]
    [InlineData("", "A JSON body")]
    public async Task Join_MalformedBody_Is400ProblemDetails_AndSeatsNobody(string body, string detail)
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        using var http = factory.Http();
        using var response = await http.PostAsync(
            $"/api/rooms/{room.RoomCode}/join", new StringContent(body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(detail, (await response.Content.ReadFromJsonAsync<ApiProblem>())!.Detail);
        var seated = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        Assert.Equal(ParticipantRole.Candidate, seated.Role);
    }

    [Fact]
    public async Task Join_NameOverTheLimit_Is400()
    {
        var room = await factory.Api().CreateRoomAsync();
        var error = await Assert.ThrowsAsync<InterviewRoomApiException>(
            () => factory.Api().JoinAsync(room.RoomCode, new string('n', 81), ParticipantRole.Observer));
        Assert.Equal(HttpStatusCode.BadRequest, error.Status);
        Assert.Equal("name is longer than 80 characters.", error.Problem!.Detail);
    }
}
