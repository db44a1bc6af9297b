using System.Diagnostics;
using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Bench.Reporting;

namespace InterviewRoom.Bench.Load;

/// <summary>The questions cycles ask, with a criterion of each question's rubric to rate.</summary>
internal sealed record QuestionSet(IReadOnlyList<int> Ids, IReadOnlyDictionary<int, string> FirstCriterion)
{
    public static QuestionSet Of(Target target) => new(
        [.. target.Bank.Select(q => q.Id)],
        target.Bank.ToDictionary(q => q.Id, q => q.Rubric.Criteria[0].Id));
}

/// <summary>Rooms with both seats connected, ready for cycles; how long the set-up took goes into the result.</summary>
internal static class Fixture
{
    public static async Task<List<RoomPair>> OpenRoomsAsync(Target target, int count, ScenarioResult result, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        var seats = await target.CreateRoomsAsync(count, cancellationToken: cancellationToken);
        var created = clock.Elapsed;
        var rooms = seats.Select((s, i) => new RoomPair(i, s, target.Process.BaseUri)).ToList();
        var connected = await Hubs.StartAllAsync(rooms.SelectMany(r => new[] { r.Interviewer, r.Candidate }), 32, cancellationToken);
        result.Add("setup.rooms", $"set-up: {count} rooms created and joined (HTTP)", created.TotalSeconds, "s");
        result.Add("setup.connect", $"set-up: {2 * count} hub connections opened", connected.TotalSeconds, "s");
        return rooms;
    }

    /// <summary>
    /// One cycle in each of the first rooms (at most 100) at 20/s, not counted: the JIT, EF's query cache and the
    /// connection pools are warm before anything is measured, on both servers alike (20/s stays below the product's knee).
    /// </summary>
    public static async Task WarmUpAsync(IReadOnlyList<RoomPair> rooms, QuestionSet questions, Target target, TimeSpan stepTimeout, ScenarioResult result, bool quick)
    {
        var warm = rooms.Take(quick ? 10 : 100).ToList();
        var run = await RateRunner.RunAsync(warm, questions, target.Process.Pid, 20, null, warm.Count, stepTimeout, TimeSpan.FromSeconds(20));
        result.Add("warmup", "warm-up cycles (not counted)", run.Stats.Completed, "");
    }

    public static async Task CloseAsync(IEnumerable<RoomPair> rooms) =>
        await Parallel.ForEachAsync(rooms, new ParallelOptions { MaxDegreeOfParallelism = 64 }, async (r, _) => await r.DisposeAsync());
}
