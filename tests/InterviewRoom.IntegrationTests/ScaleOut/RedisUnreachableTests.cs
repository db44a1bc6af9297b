using System.Net;
using System.Net.Sockets;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.IntegrationTests.Support;

namespace InterviewRoom.IntegrationTests.ScaleOut;

[Collection(HeavyLoad.Name)]
public sealed class RedisUnreachableTests
{
    [Fact]
    public async Task AnInstanceWhoseRedisIsUnreachable_StartsReady_AndServesAWholeInterviewToItsOwnClients()
    {
        var databasePath = InterviewRoomFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(
                databasePath, new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = $"127.0.0.1:{ClosedPort()}" }, "no-redis");

            var api = server.Api();
            var room = await api.CreateRoomAsync(new CreateRoomRequest("Ada"));
            var seat = await api.JoinAsync(room.RoomCode, "Grace", ParticipantRole.Candidate);
            await using var interviewer = server.Hub(room.InterviewerToken);
            await using var candidate = server.Hub(seat.Token);
            var (atInterviewer, atCandidate) = (Pushed.To(interviewer), Pushed.To(candidate));
            await interviewer.StartAsync();
            await candidate.StartAsync();

            var question = (await api.GetQuestionsAsync(room.InterviewerToken))[0];
            var turn = await interviewer.AskAsync(question.Id, 60);
            await atCandidate.Asked.NextAsync(t => t.TurnId == turn.TurnId);
            await candidate.SubmitAsync(turn.TurnId, "still here", "s1");
            await atInterviewer.Submitted.NextAsync(t => t.TurnId == turn.TurnId);
            await interviewer.ScoreAsync(turn.TurnId, new ScoreInput("sc1", Overall: 5));
            Assert.Equal(5, (await atInterviewer.Scores.NextAsync()).Overall);
            Assert.Contains(server.Output, line => line.Contains("Redis backplane unreachable", StringComparison.Ordinal));
        }
        finally
        {
            ServerProcess.DeleteDatabase(databasePath);
        }
    }

    /// <summary>A loopback port nothing listens on (taken, then released).</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
