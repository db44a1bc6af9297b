using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Interview.State;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Every push to a room goes through here, always after the change is committed. Turn events go out twice: the
/// full view to the seats that see that turn's (<see cref="Visibility.SeesInterviewerView"/>: its asker, and the
/// interviewer once it is revealed), the public view to everyone else. Pushes that follow a change take the seats and roles from the room as the change left it
/// (<see cref="LiveRoom"/>, exact at its version); presence events, which change no room, take them from the room's copy
/// too (<see cref="InterviewService.AnnouncePresenceAsync"/>), or from the database after an instance died. Other features hear of each change through <see cref="IRoomChangeHook"/> (the class dashboard).
/// <para>
/// Every push to the whole room carries the room's push number (<c>seq</c>, ADR 0018): the one its commit took
/// (<see cref="LiveRoom.PushSequence"/> right after <see cref="RoomLease.CommitAsync"/>), or one taken for it
/// (<see cref="RoomLease.TakeSequenceAsync"/>, <see cref="TakeSequenceAsync"/>). <c>ScoreSaved</c>, which goes to one
/// seat, carries the room's latest number without taking one; <c>SeatMoved</c> carries none (its seat is gone).
/// </para>
/// </summary>
internal sealed class RoomNotifier(IHubContext<InterviewHub, IInterviewClient> hub, InterviewRoomDb db, IEnumerable<IRoomChangeHook> hooks)
{
    public Task QuestionAsked(LiveRoom room, Turn turn) => ToRoom(room, turn, (c, v) => c.QuestionAsked(v));

    /// <summary>A class push: every room's <c>QuestionAsked</c> at once, then the hooks once for all of them.</summary>
    public async Task QuestionsAsked(IReadOnlyList<(LiveRoom Room, Turn Turn)> asked)
    {
        await Task.WhenAll(asked.Select(a => SendTurn(a.Room, a.Turn, (c, v) => c.QuestionAsked(v))));
        await RoomsChanged([.. asked.Select(a => a.Room)]);
    }

    public Task QuestionDelivered(LiveRoom room, Turn turn) => ToRoom(room, turn, (c, v) => c.QuestionDelivered(v));

    public Task AnswerSubmitted(LiveRoom room, Turn turn) => ToRoom(room, turn, (c, v) => c.AnswerSubmitted(v));

    public Task TimeUp(LiveRoom room, Turn turn) => ToRoom(room, turn, (c, v) => c.TimeUp(v));

    public Task FeedbackRevealed(LiveRoom room, Turn turn) => ToRoom(room, turn, (c, v) => c.FeedbackRevealed(v));

    public async Task ScoreSaved(LiveRoom room, Turn turn, ScoreView score)
    {
        await hub.Clients.Groups(Audience.Of(room, turn).Staff).ScoreSaved(score with { Seq = room.PushSequence });
        await RoomsChanged([room]);
    }

    public async Task RoomEnded(LiveRoom room, RoomEndedEvent roomEnded)
    {
        await hub.Clients.Groups(EveryoneIn(room)).RoomEnded(roomEnded with { Seq = room.PushSequence });
        await RoomsChanged([room]);
    }

    /// <summary>Several rooms ended at once (a class): every room's event at once, then the hooks once.</summary>
    public async Task RoomsEnded(IReadOnlyList<(LiveRoom Room, RoomEndedEvent Ended)> ended)
    {
        await Task.WhenAll(ended.Select(e => hub.Clients.Groups(EveryoneIn(e.Room)).RoomEnded(e.Ended with { Seq = e.Room.PushSequence })));
        await RoomsChanged([.. ended.Select(e => e.Room)]);
    }

    public async Task RolesSwapped(LiveRoom room, RolesSwappedEvent swapped)
    {
        await hub.Clients.Groups(EveryoneIn(room)).RolesSwapped(swapped with { Seq = room.PushSequence });
        await RoomsChanged([room]);
    }

    /// <summary>The seats' groups of everyone in the room now, the interviewer's first.</summary>
    public static IReadOnlyList<string> EveryoneIn(LiveRoom room) =>
        [.. room.Present.OrderBy(s => s.Role != ParticipantRole.Interviewer).Select(s => RoomGroups.Seat(s.Id))];

    /// <summary>
    /// A seat came online or went offline: <c>ParticipantJoined</c> or <c>ParticipantLeft</c> to everyone in the room,
    /// with the number just taken for it (<see cref="RoomLease.TakeSequenceAsync"/>). Under the room's lease, so that
    /// this instance's pushes of the room leave in number order; the hooks follow after it (<see cref="PresenceNoticed"/>).
    /// </summary>
    public Task PresenceChanged(LiveRoom room, ParticipantView participant)
    {
        var clients = hub.Clients.Groups(EveryoneIn(room));
        var numbered = participant with { Seq = room.PushSequence };
        return participant.Online ? clients.ParticipantJoined(numbered) : clients.ParticipantLeft(numbered);
    }

    /// <summary>Tells the other features that someone came or went in a room (after <see cref="PresenceChanged"/>).</summary>
    public async Task PresenceNoticed(Guid? classId, Guid roomId)
    {
        foreach (var hook in hooks)
        {
            await hook.PresenceChanged(classId, roomId);
        }
    }

    /// <summary>Tells a seat's own connections that its person now sits elsewhere (or nowhere).</summary>
    public Task SeatMoved(Guid participantId, SeatMovedEvent moved) =>
        hub.Clients.Group(RoomGroups.Seat(participantId)).SeatMoved(moved);

    public async Task ParticipantJoined(Guid roomId, ParticipantView participant)
    {
        var seq = await TakeSequenceAsync(roomId);
        await Everyone(roomId, c => c.ParticipantJoined(participant with { Seq = seq }));
    }

    public async Task ParticipantLeft(Guid roomId, ParticipantView participant)
    {
        var seq = await TakeSequenceAsync(roomId);
        await Everyone(roomId, c => c.ParticipantLeft(participant with { Seq = seq }));
    }

    /// <summary>
    /// The room's next push number, for a push sent without the room's lease (a class move, a dead instance's sweep):
    /// one atomic statement, so two instances never hand out the same number.
    /// </summary>
    private async Task<long?> TakeSequenceAsync(Guid roomId)
    {
        await db.Database.OpenConnectionAsync();
        try
        {
            return (await RoomSql.BumpAsync(db, roomId, expectedVersion: null, versions: 0, pushes: 1, CancellationToken.None))?.PushSequence;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task Everyone(Guid roomId, Func<IInterviewClient, Task> send)
    {
        var seats = await db.Participants.AsNoTracking()
            .Where(p => p.RoomId == roomId && p.RemovedAt == null)
            .Select(p => new { p.Id, p.Role, p.Room!.ClassId })
            .ToListAsync();
        await send(hub.Clients.Groups([.. seats.OrderBy(s => s.Role != ParticipantRole.Interviewer).Select(s => RoomGroups.Seat(s.Id))]));
        await PresenceNoticed(seats.FirstOrDefault()?.ClassId, roomId);
    }

    private async Task ToRoom(LiveRoom room, Turn turn, Func<IInterviewClient, TurnView, Task> send)
    {
        await SendTurn(room, turn, send);
        await RoomsChanged([room]);
    }

    private Task SendTurn(LiveRoom room, Turn turn, Func<IInterviewClient, TurnView, Task> send)
    {
        var audience = Audience.Of(room, turn);
        return Task.WhenAll(
            send(hub.Clients.Groups(audience.Staff), TurnViews.Full(turn) with { Seq = room.PushSequence }),
            send(hub.Clients.Groups(audience.Others), TurnViews.Public(turn) with { Seq = room.PushSequence }));
    }

    private async Task RoomsChanged(IReadOnlyList<LiveRoom> rooms)
    {
        foreach (var hook in hooks)
        {
            await hook.RoomsChanged(rooms);
        }
    }

    /// <summary>Everyone in a room, split into who sees a turn's full view (<see cref="Staff"/>) and who does not.</summary>
    private sealed record Audience(List<string> Staff, List<string> Others)
    {
        public static Audience Of(LiveRoom room, Turn turn)
        {
            var present = room.Present.ToList();
            return new(
                [.. present.Where(s => Visibility.SeesInterviewerView(turn, s)).Select(s => RoomGroups.Seat(s.Id))],
                [.. present.Where(s => !Visibility.SeesInterviewerView(turn, s)).Select(s => RoomGroups.Seat(s.Id))]);
        }
    }
}
