using System.Net;
using System.Net.Http.Json;
using InterviewRoom.Client;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Rooms;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.IntegrationTests.Rooms;

/// <summary>A code someone guessed, overheard or kept is never a seat that watches the answers, and never says whether it exists.</summary>
public sealed class SeatGuessingTests(InterviewRoomFactory factory) : IClassFixture<InterviewRoomFactory>
{
    [Fact]
    public async Task Join_AsObserverWithTheCodeAlone_IsRefused_WhileTheObserverLinkSeats()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();

        var byCode = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.JoinAsync(room.RoomCode, "Eve", ParticipantRole.Observer));
        var byWrongKey = await Assert.ThrowsAsync<InterviewRoomApiException>(
            () => api.JoinAsObserverAsync(room.RoomCode, room.ObserverKey[..^1] + (room.ObserverKey[^1] == 'A' ? 'B' : 'A'), "Eve"));
        Assert.Equal(HttpStatusCode.NotFound, byCode.Status);
        Assert.Equal(HttpStatusCode.NotFound, byWrongKey.Status);

        var (code, key) = InterviewRoomApi.ObserverKeyOf(room.ObserverJoinUrl);
        var seat = await api.JoinAsObserverAsync(code, key, "Linus");
        Assert.Equal((room.RoomId, ParticipantRole.Observer), (seat.RoomId, seat.Role));
    }

    [Fact]
    public async Task Join_EveryFailure_GetsTheSameStatusTitleAndDetail_AsAnUnknownCode()
    {
        var api = factory.Api();
        var full = await api.CreateRoomAsync();
        await api.JoinAsync(full.RoomCode, "Grace", ParticipantRole.Candidate);
        var ended = await api.CreateRoomAsync();
        await using (var interviewer = factory.Hub(ended.InterviewerToken))
        {
            await interviewer.StartAsync();
            await interviewer.EndAsync();
        }

        var expired = await api.CreateRoomAsync();
        var classRoom = await api.CreateRoomAsync();
        var session = await api.CreateClassAsync(new CreateClassRequest("Cohort"));
        var open = await api.CreateRoomAsync();
        await factory.WithDbAsync(async db =>
        {
            await db.Rooms.Where(r => r.Id == expired.RoomId).ExecuteUpdateAsync(r => r.SetProperty(x => x.CodeExpiresAt, DateTime.UtcNow.AddMinutes(-1)));
            return await db.Rooms.Where(r => r.Id == classRoom.RoomId).ExecuteUpdateAsync(r => r.SetProperty(x => x.ClassId, session.ClassId));
        });

        var attempts = new (string What, string Code, object Body)[]
        {
            ("unknown code", "ZZZZ-ZZZZ-ZZZZ", new { name = "Eve", role = "candidate" }),
            ("far too long a code", new string('A', 200), new { name = "Eve", role = "candidate" }),
            ("candidate seat taken", full.RoomCode, new { name = "Eve", role = "candidate" }),
            ("ended room", ended.RoomCode, new { name = "Eve", role = "candidate" }),
            ("ended room, observer link", ended.RoomCode, new { name = "Eve", role = "observer", observerKey = ended.ObserverKey }),
            ("expired code", expired.RoomCode, new { name = "Eve", role = "candidate" }),
            ("a class's room", classRoom.RoomCode, new { name = "Eve", role = "candidate" }),
            ("observer without key", open.RoomCode, new { name = "Eve", role = "observer" }),
            ("observer with another room's key", open.RoomCode, new { name = "Eve", role = "observer", observerKey = full.ObserverKey }),
        };

        using var http = factory.Http();
        var answers = new List<(string What, HttpStatusCode Status, string? Title, string? Detail)>();
        foreach (var (what, code, body) in attempts)
        {
            using var response = await http.PostAsJsonAsync($"/api/rooms/{Uri.EscapeDataString(code)}/join", body);
            var problem = await response.Content.ReadFromJsonAsync<ApiProblem>();
            answers.Add((what, response.StatusCode, problem?.Title, problem?.Detail));
        }

        Assert.All(answers, a => Assert.Equal((HttpStatusCode.NotFound, "Not found", RoomsApiTests.NoSeat), (a.Status, a.Title, a.Detail)));

        // None of them seated anybody, and the open room still seats its candidate with one click.
        var seat = await api.JoinAsync(open.RoomCode, "Grace", ParticipantRole.Candidate);
        Assert.Equal(ParticipantRole.Candidate, seat.Role);
        Assert.Equal(0, await factory.WithDbAsync(db => db.Participants.CountAsync(p => p.Name == "Eve")));
    }

    [Fact]
    public async Task Join_AcceptsTheCodeAsPeopleTypeIt_GroupedSpacedAndInLowerCase()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        var typed = $" {room.RoomCode[..4].ToLowerInvariant()}-{room.RoomCode[4..8]} {room.RoomCode[8..].ToLowerInvariant()} ";

        var seat = await api.JoinAsync(typed, "Grace", ParticipantRole.Candidate);
        Assert.Equal(room.RoomId, seat.RoomId);
    }

    [Fact]
    public async Task GetState_GivesTheObserverKeyToTheInterviewerOnly()
    {
        await using var session = await Session.StartAsync(factory);
        var (code, key) = InterviewRoomApi.ObserverKeyOf(session.Room.ObserverJoinUrl);
        var observerSeat = await session.Api.JoinAsObserverAsync(code, key, "Linus");
        await using var observer = factory.Hub(observerSeat.Token);
        var observerState = await observer.StartAsync();

        Assert.Equal(session.Room.ObserverKey, (await session.Interviewer.GetStateAsync()).ObserverKey);
        Assert.Null((await session.Candidate.GetStateAsync()).ObserverKey);
        Assert.Null(observerState.ObserverKey);
    }

    [Fact]
    public async Task Join_RoomFromBeforeObserverLinks_StillSeatsItsCandidate_ButNoObserver()
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync();
        await factory.WithDbAsync(db => db.Rooms.Where(r => r.Id == room.RoomId).ExecuteUpdateAsync(r => r.SetProperty(x => x.ObserverKey, (string?)null)));

        var observer = await Assert.ThrowsAsync<InterviewRoomApiException>(() => api.JoinAsObserverAsync(room.RoomCode, room.ObserverKey, "Eve"));
        Assert.Equal((HttpStatusCode.NotFound, RoomsApiTests.NoSeat), (observer.Status, observer.Problem!.Detail));
        Assert.Equal(ParticipantRole.Candidate, (await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate)).Role);
    }
}
