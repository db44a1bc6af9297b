using System.Diagnostics;
using InterviewRoom.Bench.Load;
using InterviewRoom.Bench.Reporting;
using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Scenarios;

/// <summary>
/// e. A class push: 200 students in 100 rooms, then repeated <c>PushQuestion</c>; the figure is the time from the
/// call to the moment the LAST of the 200 students has <c>QuestionAsked</c>. Between pushes every candidate answers,
/// so the next push finds no open question. Product: POST /api/classes, the students join, <c>PairStudents</c>
/// over /hubs/class, each student opens their seat with the class token. Baseline: 100 rooms of 2 in one class.
/// </summary>
internal sealed class ClassPushScenario : IScenario
{
    public string Name => "classpush";

    public async Task RunAsync(ScenarioContext context, ScenarioResult result)
    {
        var o = context.Options;
        var studentCount = o.GetInt("class-students", 200, 20) / 2 * 2;
        var pushes = o.GetInt("class-pushes", 10, 2);
        await using var server = await context.ServerAsync(Name, result);
        var target = server.Target;
        var clock = Stopwatch.StartNew();
        var (instructor, students) = context.IsProduct
            ? await ProductClass.SetUpAsync(target, studentCount)
            : await BaselineClass.SetUpAsync(target, studentCount);
        await target.SaveBankAsync(context.Env);
        result.Add("setup", $"set-up: class of {studentCount} students in {studentCount / 2} rooms, all connected", clock.Elapsed.TotalSeconds, "s");

        var received = new long[students.Count];
        var turnOf = new Guid[students.Count];
        var count = 0;
        var all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < students.Count; i++)
        {
            var index = i;
            students[i].Connection.On<TurnLite>(HubNames.Events.QuestionAsked, t =>
            {
                if (t.TurnId == turnOf[index])
                {
                    return;
                }

                received[index] = Stopwatch.GetTimestamp();
                turnOf[index] = t.TurnId;
                if (Interlocked.Increment(ref count) == students.Count)
                {
                    all.TrySetResult();
                }
            });
        }

        var toLast = new List<double>();
        var toFirst = new List<double>();
        var callReturned = new List<double>();
        var skippedTotal = 0;
        var incomplete = 0;
        var questionIds = target.Bank.Select(q => q.Id).ToList();
        for (var p = 0; p < pushes; p++)
        {
            Volatile.Write(ref count, 0);
            all = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var start = Stopwatch.GetTimestamp();
            var push = await instructor.InvokeAsync<PushResult>(ClassHubNames.Methods.PushQuestion, questionIds[p % questionIds.Count], (int?)RoomPair.TimeLimitSeconds);
            callReturned.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
            skippedTotal += push.Skipped.Count;
            if (await Task.WhenAny(all.Task, Task.Delay(TimeSpan.FromSeconds(60))) != all.Task)
            {
                incomplete++;
                result.Notes.Add($"push {p + 1}: only {Volatile.Read(ref count)} of {students.Count} students had QuestionAsked after 60 s.");
                continue;
            }

            var stamps = received.Select(r => Stopwatch.GetElapsedTime(start, r).TotalMilliseconds).ToList();
            toLast.Add(stamps.Max());
            toFirst.Add(stamps.Min());
            await Parallel.ForEachAsync(students.Where(s => s.IsCandidate), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (s, ct) =>
                await s.Connection.InvokeAsync<SubmitResult>(HubNames.Methods.Submit, turnOf[s.Index], "answer", $"push-{turnOf[s.Index]:N}", ct));
            await Task.Delay(200);
        }

        Report(result, "last", $"PushQuestion → the last of {students.Count} students has QuestionAsked", toLast);
        Report(result, "first", "PushQuestion → the first student has QuestionAsked", toFirst);
        Report(result, "call", "PushQuestion call returned", callReturned);
        result.Add("pushes", "pushes measured", toLast.Count, "");
        result.Add("skipped", "rooms skipped by pushes (all pushes)", skippedTotal, "");
        result.Add("incomplete", "pushes that did not reach every student in 60 s", incomplete, "");
        await instructor.DisposeAsync();
        await Hubs.DisposeAllAsync(students.Select(s => s.Connection));
    }

    private static void Report(ScenarioResult result, string key, string label, List<double> samples)
    {
        if (samples.Count == 0)
        {
            return;
        }

        var p = Percentiles.From(samples);
        result.Add($"{key}.p50", $"{label} p50", p.P50, "ms");
        result.Add($"{key}.p95", $"{label} p95", p.P95, "ms");
        result.Add($"{key}.max", $"{label} max", p.Max, "ms");
    }
}

/// <summary>A student's connection to their seat on /hubs/interview.</summary>
internal sealed record StudentSeat(int Index, bool IsCandidate, HubConnection Connection);
