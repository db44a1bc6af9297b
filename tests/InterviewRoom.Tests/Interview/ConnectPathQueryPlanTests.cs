using Microsoft.Data.Sqlite;
using Xunit;

namespace InterviewRoom.Tests.Interview;

/// <summary>
/// What a connect reads (the token's seat, the room's seats and turns, who is online) is looked up through an index,
/// never by reading a whole table: after a restart every client reconnects at once, and a scan per connect made that
/// cost grow with the number of rooms. SQLite's own query plan over the real migrations says which.
/// </summary>
public sealed class ConnectPathQueryPlanTests : IAsyncLifetime
{
    private readonly TestDatabase database = new();

    [Theory]
    [InlineData("SELECT * FROM Participants WHERE RoomId = $id ORDER BY JoinedAt")]
    [InlineData("SELECT * FROM Participants WHERE TokenHash = $id AND RemovedAt IS NULL")]
    [InlineData("SELECT * FROM Participants WHERE PrincipalId = $id AND RemovedAt IS NULL ORDER BY JoinedAt DESC")]
    [InlineData("SELECT * FROM Turns WHERE RoomId = $id ORDER BY Ordinal")]
    [InlineData("SELECT s.* FROM Scores AS s JOIN Turns AS t ON s.TurnId = t.Id WHERE t.RoomId = $id")]
    [InlineData("SELECT * FROM LiveConnections WHERE PrincipalId = $id")]
    public async Task A_connect_reads_through_an_index(string sql)
    {
        var plan = await PlanAsync(sql);

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN ", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.StartsWith("SEARCH ", StringComparison.Ordinal));
    }

    private async Task<List<string>> PlanAsync(string sql)
    {
        await using var connection = new SqliteConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$id", "00000000-0000-0000-0000-000000000001");
        var steps = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            steps.Add(reader.GetString(3));
        }

        return steps;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await database.DisposeAsync();
}
