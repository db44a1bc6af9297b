using System.Diagnostics;
using InterviewRoom.Bench.Infrastructure;
using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace InterviewRoom.Bench.Load;

/// <summary>
/// One room's interviewer and candidate connections, driving full interview cycles one at a time:
/// Ask → the candidate's QuestionAsked → Acknowledge → the interviewer's QuestionDelivered → Submit → the
/// interviewer's AnswerSubmitted → Score → the interviewer's ScoreSaved. Each step is timed from the call to the
/// moment the event reaches the other side's handler (stamped there, before any continuation runs).
/// </summary>
internal sealed class RoomPair : IAsyncDisposable
{
    public const int TimeLimitSeconds = 600;
    private static readonly string AnswerText = string.Concat(Enumerable.Repeat("A WebSocket is a full-duplex channel over one TCP connection, opened by an HTTP upgrade. ", 7));

    private readonly Waiter<Guid> asked = new();
    private readonly Waiter<Guid> delivered = new();
    private readonly Waiter<Guid> submitted = new();
    private readonly Waiter<Guid> scored = new();
    private Guid lastTurn;
    private int busy;

    public RoomPair(int index, RoomSeats seats, Uri server)
    {
        Index = index;
        Seats = seats;
        Interviewer = Hubs.Create(server, HubNames.Path, seats.InterviewerToken);
        Candidate = Hubs.Create(server, HubNames.Path, seats.CandidateToken);
        Candidate.On<TurnLite>(HubNames.Events.QuestionAsked, t =>
        {
            if (t.TurnId != lastTurn)
            {
                asked.Set(t.TurnId, t.TurnId);
            }
        });
        Interviewer.On<TurnLite>(HubNames.Events.QuestionDelivered, t => delivered.Set(t.TurnId, t.TurnId));
        Interviewer.On<TurnLite>(HubNames.Events.AnswerSubmitted, t => submitted.Set(t.TurnId, t.TurnId));
        Interviewer.On<ScoreLite>(HubNames.Events.ScoreSaved, s => scored.Set(s.TurnId, s.TurnId));
    }

    public int Index { get; }

    public RoomSeats Seats { get; }

    public HubConnection Interviewer { get; }

    public HubConnection Candidate { get; }

    /// <summary>Cycles started in this room: each asks a question the candidate has not had (the product refuses repeats).</summary>
    public int Cycles { get; private set; }

    public bool TryClaim() => Interlocked.CompareExchange(ref busy, 1, 0) == 0;

    public void Release() => Volatile.Write(ref busy, 0);

    /// <summary>Runs one full cycle and records it; on a failure, closes the open question so the room can go on.</summary>
    public async Task RunCycleAsync(QuestionSet questions, StepStats stats, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var questionId = questions.Ids[(Index * 7 + Cycles++) % questions.Ids.Count];
        var step = Steps.Ask;
        var turnId = Guid.Empty;
        var begin = Stopwatch.GetTimestamp();
        try
        {
            var wait = asked.Expect(Guid.Empty);
            var start = Stopwatch.GetTimestamp();
            var ask = Interviewer.InvokeAsync<TurnLite>(HubNames.Methods.Ask, questionId, TimeLimitSeconds, cancellationToken);
            turnId = await WaitAsync(wait, ask, start, step, stats, timeout, cancellationToken);
            lastTurn = turnId;

            step = Steps.Ack;
            wait = delivered.Expect(turnId);
            start = Stopwatch.GetTimestamp();
            await WaitAsync(wait, Candidate.InvokeAsync<TurnLite>(HubNames.Methods.Acknowledge, turnId, cancellationToken), start, step, stats, timeout, cancellationToken);

            step = Steps.Submit;
            wait = submitted.Expect(turnId);
            start = Stopwatch.GetTimestamp();
            var submit = Candidate.InvokeAsync<SubmitResult>(HubNames.Methods.Submit, turnId, AnswerText, $"a-{turnId:N}", cancellationToken);
            await WaitAsync(wait, submit, start, step, stats, timeout, cancellationToken);

            step = Steps.Score;
            wait = scored.Expect(turnId);
            start = Stopwatch.GetTimestamp();
            var input = new ScoreInput($"s-{turnId:N}", [new CriterionRating(questions.FirstCriterion[questionId], 2)], Notes: "Clear and correct.");
            await WaitAsync(wait, Interviewer.InvokeAsync<ScoreLite>(HubNames.Methods.Score, turnId, input, cancellationToken), start, step, stats, timeout, cancellationToken);

            stats.Add(Steps.Cycle, Stopwatch.GetElapsedTime(begin).TotalMilliseconds);
            stats.CycleDone(ok: true);
        }
        catch (StepFailedException failed)
        {
            stats.Fail(step, failed.Kind, failed.Detail);
            stats.CycleDone(ok: false);
            if (!cancellationToken.IsCancellationRequested)
            {
                await CloseOpenQuestionAsync(step == Steps.Ask ? null : turnId, timeout);
            }
        }
    }

    /// <summary>A failed cycle may leave its question open, which would refuse the next Ask: answer it.</summary>
    private async Task CloseOpenQuestionAsync(Guid? turnId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            turnId ??= (await Candidate.InvokeAsync<StateLite>(HubNames.Methods.GetState, cts.Token)).CurrentTurn is { Status: TurnStatus.Asked or TurnStatus.Answering } open
                ? open.TurnId : null;
            if (turnId is { } id)
            {
                lastTurn = id;
                await Candidate.InvokeAsync<SubmitResult>(HubNames.Methods.Submit, id, "closing", $"a-{id:N}", cts.Token);
            }
        }
        catch (Exception exception) when (exception is HubException or OperationCanceledException or InvalidOperationException or IOException)
        {
            // best effort; the next cycle reports what remains
        }
    }

    /// <summary>Waits for the event (its timestamp) and the call's result; a refused call or a timeout fails the step.</summary>
    private static async Task<Guid> WaitAsync<T>(Task<(Guid Value, long At)> evt, Task<T> call, long start, string step, StepStats stats, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var deadline = Task.Delay(timeout, cts.Token);
        try
        {
            Task pendingCall = call;
            while (!evt.IsCompleted)
            {
                var done = await Task.WhenAny(evt, pendingCall, deadline);
                if (done == deadline)
                {
                    throw new StepFailedException(cancellationToken.IsCancellationRequested ? StepStats.CancelledKind : "timeout", null);
                }

                if (done == pendingCall)
                {
                    await ((Task)call).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                    if (!call.IsCompletedSuccessfully)
                    {
                        throw StepFailedException.From(call.Exception?.InnerException);
                    }

                    pendingCall = Task.Delay(Timeout.Infinite, cts.Token);
                }
            }

            var (value, at) = await evt;
            stats.Add(step, Stopwatch.GetElapsedTime(start, at).TotalMilliseconds);
            if (await Task.WhenAny(call, deadline) == deadline)
            {
                throw new StepFailedException("timeout", "the event came but the call's result did not");
            }

            await ((Task)call).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            return call.IsCompletedSuccessfully ? value : throw StepFailedException.From(call.Exception?.InnerException);
        }
        finally
        {
            await cts.CancelAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Interviewer.DisposeAsync();
        await Candidate.DisposeAsync();
    }
}

/// <summary>One awaited event at a time: <see cref="Expect"/> arms it for a key, the event handler completes it with its arrival time.</summary>
internal sealed class Waiter<TKey>
    where TKey : struct, IEquatable<TKey>
{
    private TaskCompletionSource<(TKey, long)>? pending;
    private TKey key;

    /// <param name="forKey">The key the event must carry, or default for "the next one".</param>
    public Task<(TKey Value, long At)> Expect(TKey forKey)
    {
        var tcs = new TaskCompletionSource<(TKey, long)>(TaskCreationOptions.RunContinuationsAsynchronously);
        key = forKey;
        Volatile.Write(ref pending, tcs);
        return tcs.Task;
    }

    public void Set(TKey eventKey, TKey value)
    {
        var at = Stopwatch.GetTimestamp();
        var tcs = Volatile.Read(ref pending);
        if (tcs is not null && (key.Equals(default) || key.Equals(eventKey)))
        {
            tcs.TrySetResult((value, at));
        }
    }
}

internal sealed class StepFailedException(string kind, string? detail) : Exception($"{kind}: {detail}")
{
    public string Kind => kind;

    public string? Detail => detail;

    public static StepFailedException From(Exception? exception) => exception switch
    {
        HubException hub => new StepFailedException("refused", hub.Message.Split("HubException: ").Last()),
        OperationCanceledException => new StepFailedException(StepStats.CancelledKind, null),
        null => new StepFailedException("error", null),
        _ => new StepFailedException(exception.GetType().Name, exception.Message),
    };
}
