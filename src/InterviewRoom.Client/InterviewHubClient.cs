using InterviewRoom.Contracts;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using Microsoft.AspNetCore.Http.Connections.Client;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace InterviewRoom.Client;

/// <summary>
/// A typed client of <c>/hubs/interview</c>. It reconnects for ever, fetches the whole room state on every
/// (re)connect, acknowledges questions for a candidate (the server's delivery instant), and retries writes
/// with the same client request id until the server answers, so a retry never stores twice. It follows the room's
/// push numbers (<see cref="PushSequence"/>): when one is skipped it reads the whole state again by itself
/// (<see cref="PushesMissed"/>, then <see cref="StateSynced"/>). Every push is still raised as its event, a stale one
/// too: what it carries is already in the state, and merging it again is harmless.
/// </summary>
public sealed class InterviewHubClient : IAsyncDisposable
{
    private readonly HubConnection connection;
    private readonly bool autoAcknowledge;
    private readonly PushSequence sequence = new();

    private InterviewHubClient(HubConnection connection, bool autoAcknowledge)
    {
        this.connection = connection;
        this.autoAcknowledge = autoAcknowledge;
        connection.On<TurnView>(HubNames.Events.QuestionAsked, turn => Numbered(turn.Seq, () => OnQuestionAsked(turn)));
        connection.On<TurnView>(HubNames.Events.QuestionDelivered, turn => Numbered(turn.Seq, () => QuestionDelivered?.Invoke(turn)));
        connection.On<TurnView>(HubNames.Events.AnswerSubmitted, turn => Numbered(turn.Seq, () => AnswerSubmitted?.Invoke(turn)));
        connection.On<TurnView>(HubNames.Events.TimeUp, turn => Numbered(turn.Seq, () => TimeUp?.Invoke(turn)));
        connection.On<ScoreView>(HubNames.Events.ScoreSaved, OnScoreSaved);
        connection.On<TurnView>(HubNames.Events.FeedbackRevealed, turn => Numbered(turn.Seq, () => FeedbackRevealed?.Invoke(turn)));
        connection.On<ParticipantView>(HubNames.Events.ParticipantJoined, p => Numbered(p.Seq, () => ParticipantJoined?.Invoke(p)));
        connection.On<ParticipantView>(HubNames.Events.ParticipantLeft, p => Numbered(p.Seq, () => ParticipantLeft?.Invoke(p)));
        connection.On<RoomEndedEvent>(HubNames.Events.RoomEnded, e => Numbered(e.Seq, () => RoomEnded?.Invoke(e)));
        connection.On<RolesSwappedEvent>(HubNames.Events.RolesSwapped, e => Numbered(e.Seq, () => OnRolesSwapped(e)));
        connection.On<SeatMovedEvent>(HubNames.Events.SeatMoved, e => SeatMoved?.Invoke(e));
        connection.Reconnected += async _ => await SyncAsync(CancellationToken.None);
    }

    public event Action<TurnView>? QuestionAsked;

    public event Action<TurnView>? QuestionDelivered;

    public event Action<TurnView>? AnswerSubmitted;

    public event Action<TurnView>? TimeUp;

    public event Action<ScoreView>? ScoreSaved;

    public event Action<TurnView>? FeedbackRevealed;

    public event Action<ParticipantView>? ParticipantJoined;

    public event Action<ParticipantView>? ParticipantLeft;

    public event Action<RoomEndedEvent>? RoomEnded;

    /// <summary>The pair traded places; the client re-reads the state (its <see cref="Role"/> changes) before raising it.</summary>
    public event Action<RolesSwappedEvent>? RolesSwapped;

    /// <summary>An instructor moved this person elsewhere: reconnect (same class token) to reach the new seat.</summary>
    public event Action<SeatMovedEvent>? SeatMoved;

    /// <summary>The full room state, after every connect and reconnect, and after pushes were missed.</summary>
    public event Action<RoomState>? StateSynced;

    /// <summary>
    /// A push arrived numbered past the next one (pushes in between were lost, or are late): the client is reading
    /// the state again, and raises <see cref="StateSynced"/> with it.
    /// </summary>
    public event Action<MissedPushes>? PushesMissed;

    /// <summary>An automatic acknowledgement or resync that failed.</summary>
    public event Action<Exception>? BackgroundError;

    public HubConnection Connection => connection;

    public ParticipantRole? Role { get; private set; }

    /// <summary>The number of the room's latest push this client has accounted for (from GetState and the pushes since).</summary>
    public long KnownSeq => sequence.Known;

    /// <param name="serverUrl">Where the server listens, e.g. http://localhost:5000/.</param>
    /// <param name="token">A room token from POST /api/rooms or /join.</param>
    /// <param name="configure">Transport settings (tests point the handler at an in-memory server).</param>
    /// <param name="autoAcknowledge">For a candidate: acknowledge each question as it arrives.</param>
    public static InterviewHubClient Create(
        Uri serverUrl, string token, Action<HttpConnectionOptions>? configure = null, bool autoAcknowledge = true)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(serverUrl, HubNames.Path.TrimStart('/')), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                configure?.Invoke(options);
            })
            .AddJsonProtocol(json => WireJson.Configure(json.PayloadSerializerOptions))
            .WithAutomaticReconnect(new RetryForever())
            .Build();
        return new InterviewHubClient(connection, autoAcknowledge);
    }

    /// <summary>Connects and returns the room state.</summary>
    public async Task<RoomState> StartAsync(CancellationToken cancellationToken = default)
    {
        await connection.StartAsync(cancellationToken);
        return await SyncAsync(cancellationToken);
    }

    public Task<RoomState> GetStateAsync(CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<RoomState>(HubNames.Methods.GetState, cancellationToken);

    public Task<TurnView> AskAsync(int questionId, int timeLimitSeconds, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<TurnView>(HubNames.Methods.Ask, questionId, timeLimitSeconds, cancellationToken);

    public Task<TurnView> AcknowledgeAsync(Guid turnId, CancellationToken cancellationToken = default) =>
        WithRetryAsync(() => connection.InvokeAsync<TurnView>(HubNames.Methods.Acknowledge, turnId, cancellationToken), cancellationToken);

    public Task<SubmitResult> SubmitAsync(
        Guid turnId, string answerText, string? clientRequestId = null, CancellationToken cancellationToken = default)
    {
        var requestId = clientRequestId ?? Guid.NewGuid().ToString("N");
        return WithRetryAsync(
            () => connection.InvokeAsync<SubmitResult>(HubNames.Methods.Submit, turnId, answerText, requestId, cancellationToken),
            cancellationToken);
    }

    public Task<ScoreView> ScoreAsync(Guid turnId, ScoreInput score, CancellationToken cancellationToken = default) =>
        WithRetryAsync(() => connection.InvokeAsync<ScoreView>(HubNames.Methods.Score, turnId, score, cancellationToken), cancellationToken);

    public Task<TurnView> RevealAsync(Guid turnId, CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<TurnView>(HubNames.Methods.Reveal, turnId, cancellationToken);

    public Task<RolesSwappedEvent> SwapRolesAsync(CancellationToken cancellationToken = default) =>
        connection.InvokeAsync<RolesSwappedEvent>(HubNames.Methods.SwapRoles, cancellationToken);

    public Task EndAsync(CancellationToken cancellationToken = default) =>
        connection.InvokeAsync(HubNames.Methods.End, cancellationToken);

    public ValueTask DisposeAsync() => connection.DisposeAsync();

    private async Task<RoomState> SyncAsync(CancellationToken cancellationToken)
    {
        sequence.BeginSync();
        RoomState state;
        try
        {
            state = await GetStateAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            sequence.EndSync(null);
            if (exception is not OperationCanceledException)
            {
                BackgroundError?.Invoke(exception);
            }

            throw;
        }

        var holeLeft = sequence.EndSync(state.Seq);
        Role = state.You.Role;
        StateSynced?.Invoke(state);
        if (state.CurrentTurn is { Status: TurnStatus.Asked } pending)
        {
            AcknowledgeInBackground(pending);
        }

        if (holeLeft)
        {
            ResyncInBackground(); // a push noted during the read is past a hole the read did not cover
        }

        return state;
    }

    /// <summary>Raises a room-wide push's event, and reads the state again when its number shows pushes were missed.</summary>
    private void Numbered(long? seq, Action raise)
    {
        var known = sequence.Known;
        var order = sequence.Observe(seq);
        raise();
        if (order == PushOrder.Gap)
        {
            PushesMissed?.Invoke(new MissedPushes(known, seq!.Value));
            ResyncInBackground();
        }
    }

    private void OnScoreSaved(ScoreView score)
    {
        ScoreSaved?.Invoke(score);
        if (sequence.IsBehind(score.Seq))
        {
            PushesMissed?.Invoke(new MissedPushes(sequence.Known, score.Seq!.Value));
            ResyncInBackground();
        }
    }

    // Not awaited inside the handler: an invocation awaited on the receive loop would wait on itself.
    private void ResyncInBackground() =>
        _ = Task.Run(async () =>
        {
            try
            {
                await SyncAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Reported through BackgroundError by SyncAsync; the next reconnect or gap reads again.
            }
        });

    private void OnRolesSwapped(RolesSwappedEvent swapped) =>
        _ = Task.Run(async () =>
        {
            try
            {
                await SyncAsync(CancellationToken.None);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                // Reported through BackgroundError by SyncAsync; the event still tells what happened.
            }

            RolesSwapped?.Invoke(swapped);
        });

    private void OnQuestionAsked(TurnView turn)
    {
        QuestionAsked?.Invoke(turn);
        AcknowledgeInBackground(turn);
    }

    // Not awaited inside the handler: an invocation awaited on the receive loop would wait on itself.
    private void AcknowledgeInBackground(TurnView turn)
    {
        if (autoAcknowledge && Role == ParticipantRole.Candidate && turn.DeliveredAt is null)
        {
            _ = Task.Run(async () =>
            {
                try
                {
                    await AcknowledgeAsync(turn.TurnId);
                }
                catch (Exception exception)
                {
                    BackgroundError?.Invoke(exception);
                }
            });
        }
    }

    /// <summary>Retries a write that failed because the connection dropped; the server's refusals are final.</summary>
    private async Task<T> WithRetryAsync<T>(Func<Task<T>> invoke, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await invoke();
            }
            catch (Exception exception) when (exception is not HubException && !cancellationToken.IsCancellationRequested && attempt < 10)
            {
                await WaitUntilConnectedAsync(cancellationToken);
            }
        }
    }

    private async Task WaitUntilConnectedAsync(CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        var delay = TimeSpan.FromMilliseconds(100);
        while (connection.State != HubConnectionState.Connected)
        {
            if (connection.State == HubConnectionState.Disconnected)
            {
                throw new InvalidOperationException("The connection is closed; start it again before retrying.");
            }

            await Task.Delay(delay, timeout.Token);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 2000));
        }
    }

    /// <summary>Reconnect for ever: 0, 1, 2, 5, then every 10 seconds (the default gives up after four tries).</summary>
    private sealed class RetryForever : IRetryPolicy
    {
        private static readonly TimeSpan[] Delays =
            [TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(5)];

        public TimeSpan? NextRetryDelay(RetryContext retryContext) =>
            retryContext.PreviousRetryCount < Delays.Length ? Delays[retryContext.PreviousRetryCount] : TimeSpan.FromSeconds(10);
    }
}

