using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Baseline;

/// <summary>
/// <c>/hubs/interview</c> with the product's pattern: every turn event goes twice, the full view to the
/// interviewer's group and the public view to the others'; <c>ScoreSaved</c> to the interviewer only.
/// </summary>
internal sealed class InterviewHub(Store store, Bank bank) : Hub
{
    private const string SeatKey = "seat";

    private Seat Caller => (Seat)Context.Items[SeatKey]!;

    private Room Room => store.RoomOf(Caller.Id);

    private bool IsInterviewer => Caller.Kind == 'i';

    public override async Task OnConnectedAsync()
    {
        if (Seat.Of(Context.GetHttpContext()) is not { Kind: 'i' or 'c' } seat)
        {
            Context.Abort();
            return;
        }

        Context.Items[SeatKey] = seat;
        var room = store.RoomOf(seat.Id);
        await Groups.AddToGroupAsync(Context.ConnectionId, seat.Kind == 'i' ? room.Staff : room.Others);
        var you = seat.Kind == 'i'
            ? new ParticipantView(room.InterviewerId, room.InterviewerName, ParticipantRole.Interviewer, true)
            : new ParticipantView(room.CandidateId ?? Guid.Empty, room.CandidateName, ParticipantRole.Candidate, true);
        await Clients.Groups(room.Staff, room.Others).SendAsync(HubNames.Events.ParticipantJoined, you);
    }

    public RoomState GetState()
    {
        var room = Room;
        lock (room.Gate)
        {
            var turns = room.Turns.Select(t => IsInterviewer ? t.Full() : t.Public()).ToList();
            var interviewer = new ParticipantView(room.InterviewerId, room.InterviewerName, ParticipantRole.Interviewer, true);
            var candidate = new ParticipantView(room.CandidateId ?? Guid.Empty, room.CandidateName, ParticipantRole.Candidate, true);
            return new RoomState(room.Id, room.Code, null, room.CreatedAt, null, IsInterviewer ? interviewer : candidate,
                [interviewer, candidate], turns.LastOrDefault(), turns, DateTimeOffset.UtcNow);
        }
    }

    public async Task<TurnView> Ask(int questionId, int timeLimitSeconds)
    {
        var question = bank.Find(questionId) ?? throw new HubException($"There is no question with id {questionId}.");
        if (!IsInterviewer)
        {
            throw new HubException("Only the interviewer can ask a question.");
        }

        var room = Room;
        Turn turn;
        lock (room.Gate)
        {
            turn = new Turn(room.Id, room.Turns.Count + 1, question, timeLimitSeconds);
            room.Turns.Add(turn);
        }

        return await Push(room, turn, HubNames.Events.QuestionAsked);
    }

    public async Task<TurnView> Acknowledge(Guid turnId)
    {
        var room = Room;
        var turn = TurnOf(room, turnId);
        bool first;
        lock (room.Gate)
        {
            first = turn.DeliveredAt is null && turn.SubmittedAt is null;
            turn.DeliveredAt ??= DateTimeOffset.UtcNow;
        }

        return first ? (await Push(room, turn, HubNames.Events.QuestionDelivered)) with { Interviewer = null } : turn.Public();
    }

    public async Task<SubmitResult> Submit(Guid turnId, string? answerText, string? clientRequestId)
    {
        var room = Room;
        var turn = TurnOf(room, turnId);
        lock (room.Gate)
        {
            if (turn.SubmittedAt is not null)
            {
                return turn.SubmitRequestId == clientRequestId
                    ? ResultOf(turn)
                    : throw new HubException("An answer to this question was already submitted.");
            }

            turn.SubmittedAt = DateTimeOffset.UtcNow;
            turn.AnswerText = answerText ?? "";
            turn.SubmitRequestId = clientRequestId;
        }

        await Push(room, turn, HubNames.Events.AnswerSubmitted);
        return ResultOf(turn);
    }

    public async Task<ScoreView> Score(Guid turnId, ScoreInput score)
    {
        var room = Room;
        var turn = TurnOf(room, turnId);
        ScoreView view;
        lock (room.Gate)
        {
            var ratings = score.Ratings ?? [];
            int? suggested = ratings.Count == 0 ? null : Math.Clamp(1 + (4 * ratings.Sum(r => r.Rating) / (2 * ratings.Count)), 1, 5);
            view = new ScoreView(turnId, turn.Scores.Count + 1, turn.Question.Rubric.Version, room.InterviewerId, DateTimeOffset.UtcNow,
                ratings, score.RedFlags ?? [], suggested, score.NotAssessed ? null : score.Overall ?? suggested, score.NotAssessed, score.Notes);
            turn.Scores.Add(view);
        }

        await Clients.Group(room.Staff).SendAsync(HubNames.Events.ScoreSaved, view);
        return view;
    }

    public Task End() => Clients.Groups(Room.Staff, Room.Others).SendAsync(HubNames.Events.RoomEnded, new RoomEndedEvent(Room.Id, DateTimeOffset.UtcNow));

    /// <summary>The product's push: the full view to the interviewer's group, the public view to the rest.</summary>
    internal static async Task<TurnView> PushTurn(IHubClients<IClientProxy> clients, Room room, Turn turn, string target)
    {
        TurnView full, shown;
        lock (room.Gate)
        {
            full = turn.Full();
            shown = turn.Public();
        }

        await Task.WhenAll(
            clients.Group(room.Staff).SendAsync(target, full),
            clients.Group(room.Others).SendAsync(target, shown));
        return full;
    }

    private Task<TurnView> Push(Room room, Turn turn, string target) => PushTurn(Clients, room, turn, target);

    private static Turn TurnOf(Room room, Guid turnId)
    {
        lock (room.Gate)
        {
            return room.Find(turnId) ?? throw new HubException("There is no such question in this room.");
        }
    }

    private static SubmitResult ResultOf(Turn turn) => new(turn.Id, turn.SubmittedAt!.Value, turn.ResponseTimeMs, false);
}
