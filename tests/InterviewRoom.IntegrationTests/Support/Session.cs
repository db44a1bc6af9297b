using InterviewRoom.Client;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.Http.Connections;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>What one hub client has been pushed, event by event.</summary>
public sealed class Pushed
{
    public Recorder<TurnView> Asked { get; } = new();

    public Recorder<TurnView> Delivered { get; } = new();

    public Recorder<TurnView> Submitted { get; } = new();

    public Recorder<TurnView> TimeUp { get; } = new();

    public Recorder<ScoreView> Scores { get; } = new();

    public Recorder<TurnView> Revealed { get; } = new();

    public Recorder<ParticipantView> Joined { get; } = new();

    public Recorder<ParticipantView> Left { get; } = new();

    public Recorder<RoomEndedEvent> Ended { get; } = new();

    public static Pushed To(InterviewHubClient client)
    {
        var pushed = new Pushed();
        client.QuestionAsked += pushed.Asked.Add;
        client.QuestionDelivered += pushed.Delivered.Add;
        client.AnswerSubmitted += pushed.Submitted.Add;
        client.TimeUp += pushed.TimeUp.Add;
        client.ScoreSaved += pushed.Scores.Add;
        client.FeedbackRevealed += pushed.Revealed.Add;
        client.ParticipantJoined += pushed.Joined.Add;
        client.ParticipantLeft += pushed.Left.Add;
        client.RoomEnded += pushed.Ended.Add;
        return pushed;
    }
}

/// <summary>A room with an interviewer and a candidate, both connected to the hub.</summary>
public sealed class Session : IAsyncDisposable
{
    private Session(InterviewRoomApi api, CreateRoomResponse room, JoinRoomResponse candidateSeat,
        InterviewHubClient interviewer, InterviewHubClient candidate)
    {
        Api = api;
        Room = room;
        CandidateSeat = candidateSeat;
        Interviewer = interviewer;
        Candidate = candidate;
        InterviewerPushed = Pushed.To(interviewer);
        CandidatePushed = Pushed.To(candidate);
    }

    public InterviewRoomApi Api { get; }

    public CreateRoomResponse Room { get; }

    public JoinRoomResponse CandidateSeat { get; }

    public InterviewHubClient Interviewer { get; }

    public InterviewHubClient Candidate { get; }

    public Pushed InterviewerPushed { get; }

    public Pushed CandidatePushed { get; }

    public static async Task<Session> StartAsync(InterviewRoomFactory factory, HttpTransportType? transport = null)
    {
        var api = factory.Api();
        var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada", "Backend mock"));
        var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
        var session = new Session(api, room, seat, factory.Hub(room.InterviewerToken, transport), factory.Hub(seat.Token, transport));
        await session.Interviewer.StartAsync();
        await session.Candidate.StartAsync();
        return session;
    }

    /// <summary>A question id of the seed bank by its number in the seed document.</summary>
    public async Task<int> QuestionIdAsync(int number) =>
        (await Api.GetQuestionsAsync(Room.InterviewerToken)).Single(q => q.Number == number).Id;

    public async ValueTask DisposeAsync()
    {
        await Interviewer.DisposeAsync();
        await Candidate.DisposeAsync();
        Api.Http.Dispose();
    }
}
