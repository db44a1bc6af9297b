using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Classes;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Every push to a room goes through here, from the hub and from background services alike, always after the
/// change is committed. Turn events go out twice: the full view to the room's interviewer, the public view to
/// everyone else, with the roles read from the database for each push. Rooms of a class also update the
/// instructor's dashboard.
/// </summary>
internal sealed class RoomNotifier(IHubContext<InterviewHub, IInterviewClient> hub, InterviewRoomDb db, ClassNotifier classes)
{
    public Task QuestionAsked(Turn turn) => ToRoom(turn, (c, v) => c.QuestionAsked(v));

    public Task QuestionDelivered(Turn turn) => ToRoom(turn, (c, v) => c.QuestionDelivered(v));

    public Task AnswerSubmitted(Turn turn) => ToRoom(turn, (c, v) => c.AnswerSubmitted(v));

    public Task TimeUp(Turn turn) => ToRoom(turn, (c, v) => c.TimeUp(v));

    public Task FeedbackRevealed(Turn turn) => ToRoom(turn, (c, v) => c.FeedbackRevealed(v));

    public async Task ScoreSaved(Guid roomId, ScoreView score)
    {
        var audience = await AudienceAsync(roomId);
        await hub.Clients.Groups(audience.Staff).ScoreSaved(score);
        await classes.RoomChanged(audience.ClassId, roomId);
    }

    public Task ParticipantJoined(Guid roomId, ParticipantView participant) =>
        Everyone(roomId, c => c.ParticipantJoined(participant));

    public Task ParticipantLeft(Guid roomId, ParticipantView participant) =>
        Everyone(roomId, c => c.ParticipantLeft(participant));

    public Task RoomEnded(RoomEndedEvent roomEnded) => Everyone(roomEnded.RoomId, c => c.RoomEnded(roomEnded));

    public Task RolesSwapped(RolesSwappedEvent swapped) => Everyone(swapped.RoomId, c => c.RolesSwapped(swapped));

    /// <summary>Tells a seat's own connections that its person now sits elsewhere (or nowhere).</summary>
    public Task SeatMoved(Guid participantId, SeatMovedEvent moved) =>
        hub.Clients.Group(RoomGroups.Seat(participantId)).SeatMoved(moved);

    private async Task Everyone(Guid roomId, Func<IInterviewClient, Task> send)
    {
        var audience = await AudienceAsync(roomId);
        await send(hub.Clients.Groups([.. audience.Staff, .. audience.Others]));
        await classes.RoomChanged(audience.ClassId, roomId);
    }

    private async Task ToRoom(Turn turn, Func<IInterviewClient, TurnView, Task> send)
    {
        var audience = await AudienceAsync(turn.RoomId);
        await Task.WhenAll(
            send(hub.Clients.Groups(audience.Staff), TurnViews.Full(turn)),
            send(hub.Clients.Groups(audience.Others), TurnViews.Public(turn)));
        await classes.RoomChanged(audience.ClassId, turn.RoomId);
    }

    private async Task<Audience> AudienceAsync(Guid roomId)
    {
        var seats = await db.Participants.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.RemovedAt == null)
            .Select(p => new { p.Id, p.Role, p.Room!.ClassId })
            .ToListAsync();
        return new Audience(
            seats.FirstOrDefault()?.ClassId,
            [.. seats.Where(s => s.Role == ParticipantRole.Interviewer).Select(s => RoomGroups.Seat(s.Id))],
            [.. seats.Where(s => s.Role != ParticipantRole.Interviewer).Select(s => RoomGroups.Seat(s.Id))]);
    }

    private sealed record Audience(Guid? ClassId, List<string> Staff, List<string> Others);
}
