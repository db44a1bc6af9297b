using System.Diagnostics;
using System.Net;
using InterviewRoom.Contracts.Matchmaking;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.IntegrationTests.ScaleOut;

/// <summary>The scale-out harness itself: a real server as its own OS process, a real redis-server, both killable.</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task ServerProcess_ServesTheApiAndHubs_OnLoopback_AndDiesOnSigkill()
    {
        await using var redis = await RedisServer.StartAsync();
        var databasePath = InterviewRoomFactory.NewDatabasePath();
        try
        {
            await using var server = await ServerProcess.StartAsync(
                databasePath, new Dictionary<string, string?> { ["ConnectionStrings:Redis"] = redis.ConnectionString }, "A");
            Assert.Equal("127.0.0.1", server.BaseAddress.Host);
            Assert.NotEqual(0, server.BaseAddress.Port);
            Assert.NotEqual(Environment.ProcessId, server.Pid);

            var room = await server.Api().CreateRoomAsync(new CreateRoomRequest("Ada"));
            await using (var interviewer = server.Hub(room.InterviewerToken))
            {
                var state = await interviewer.StartAsync();
                Assert.Equal(room.RoomId, state.RoomId);
            }

            await using (var matchmaking = server.Connect(MatchmakingHubNames.Path))
            {
                await matchmaking.StartAsync();
                Assert.Equal(HubConnectionState.Connected, matchmaking.State);
            }

            using (var http = server.Http())
            {
                using var index = await http.GetAsync("/");
                Assert.Equal(HttpStatusCode.OK, index.StatusCode); // wwwroot found: the content root is the project folder
            }

            server.Kill();

            Assert.True(server.HasExited);
            Assert.Equal(137, server.ExitCode); // 128 + SIGKILL
            Assert.Throws<ArgumentException>(() => Process.GetProcessById(server.Pid));
            await Assert.ThrowsAsync<HttpRequestException>(() => server.Api().CreateRoomAsync());
        }
        finally
        {
            ServerProcess.DeleteDatabase(databasePath);
        }
    }

    [Fact]
    public async Task RedisServer_GoesDown_AndComesBack_OnTheSamePort()
    {
        await using var redis = await RedisServer.StartAsync();
        Assert.True(await redis.PingAsync());
        Assert.Equal($"127.0.0.1:{redis.Port}", redis.ConnectionString);
        var (port, firstPid) = (redis.Port, redis.Pid);

        await redis.StopAsync();
        Assert.False(redis.IsRunning);
        Assert.False(await redis.PingAsync());

        await redis.RestartAsync();
        Assert.True(redis.IsRunning);
        Assert.Equal(port, redis.Port);
        Assert.NotEqual(firstPid, redis.Pid);
        Assert.True(await redis.PingAsync());
    }
}
