using InterviewRoom.Contracts.Matchmaking;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>What the server pushes to clients of <c>/hubs/matchmaking</c>.</summary>
public interface IMatchmakingClient
{
    Task Paired(PairedEvent paired);

    Task QueueClosed(QueueClosedEvent closed);
}
