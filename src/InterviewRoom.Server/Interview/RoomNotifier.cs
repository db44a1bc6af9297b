using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data.Entities;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Every push to a room goes through here, from the hub and from background services alike, always after the
/// change is committed. Turn events go out twice: the full view to interviewers, the public view to the rest.
/// </summary>
internal sealed class RoomNotifier(IHubContext<InterviewHub, IInterviewClient> hub)
{
    public Task QuestionAsked(Turn turn) => ToRoom(turn, (c, v) => c.QuestionAsked(v));

    public Task QuestionDelivered(Turn turn) => ToRoom(turn, (c, v) => c.QuestionDelivered(v));

    public Task AnswerSubmitted(Turn turn) => ToRoom(turn, (c, v) => c.AnswerSubmitted(v));

    public Task TimeUp(Turn turn) => ToRoom(turn, (c, v) => c.TimeUp(v));

    public Task FeedbackRevealed(Turn turn) => ToRoom(turn, (c, v) => c.FeedbackRevealed(v));

    public Task ScoreSaved(Guid roomId, ScoreView score) =>
        hub.Clients.Group(RoomGroups.Staff(roomId)).ScoreSaved(score);

    public Task ParticipantJoined(Guid roomId, ParticipantView participant) =>
        Everyone(roomId).ParticipantJoined(participant);

    public Task ParticipantLeft(Guid roomId, ParticipantView participant) =>
        Everyone(roomId).ParticipantLeft(participant);

    public Task RoomEnded(RoomEndedEvent roomEnded) => Everyone(roomEnded.RoomId).RoomEnded(roomEnded);

    private IInterviewClient Everyone(Guid roomId) =>
        hub.Clients.Groups(RoomGroups.Staff(roomId), RoomGroups.Public(roomId));

    private Task ToRoom(Turn turn, Func<IInterviewClient, TurnView, Task> send) => Task.WhenAll(
        send(hub.Clients.Group(RoomGroups.Staff(turn.RoomId)), TurnViews.Full(turn)),
        send(hub.Clients.Group(RoomGroups.Public(turn.RoomId)), TurnViews.Public(turn)));
}
