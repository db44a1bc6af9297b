using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR;

namespace InterviewRoom.Baseline;

/// <summary><c>/hubs/class</c>: one <c>PushQuestion</c> asks the question in every room of the class, in creation order.</summary>
internal sealed class ClassHub(Store store, Bank bank, IHubContext<InterviewHub> rooms) : Hub
{
    public override Task OnConnectedAsync()
    {
        if (Seat.Of(Context.GetHttpContext()) is not { Kind: 'k' } seat)
        {
            Context.Abort();
            return Task.CompletedTask;
        }

        Context.Items["class"] = seat.Id;
        return Task.CompletedTask;
    }

    public async Task<PushResult> PushQuestion(int questionId, int? timeLimitSeconds)
    {
        var question = bank.Find(questionId) ?? throw new HubException($"There is no question with id {questionId}.");
        var asked = new List<Guid>();
        foreach (var room in store.RoomsOf((Guid)Context.Items["class"]!))
        {
            Turn turn;
            lock (room.Gate)
            {
                turn = new Turn(room.Id, room.Turns.Count + 1, question, timeLimitSeconds ?? question.DefaultTimeLimitSeconds);
                room.Turns.Add(turn);
            }

            await InterviewHub.PushTurn(rooms.Clients, room, turn, HubNames.Events.QuestionAsked);
            asked.Add(room.Id);
        }

        return new PushResult(questionId, asked, []);
    }
}
