using System.Globalization;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// The room's state machine: ask, deliver, submit, end. Every method checks the caller against the database,
/// commits, then pushes. Scoring lives in <see cref="Scoring.ScoreService"/>.
/// </summary>
internal sealed partial class InterviewService(
    InterviewRoomDb db, TimeProvider time, RoomNotifier notifier, DeadlineSignal deadlines, Presence presence,
    ILogger<InterviewService> logger)
{
    /// <summary>Characters in one answer; JSON-escaped it stays below the hub's message size limit.</summary>
    public const int MaxAnswerLength = 20_000;
    public const int MaxRequestIdLength = 64;

    public async Task<RoomState> GetStateAsync(Caller caller, CancellationToken cancellationToken)
    {
        var room = await db.Rooms.AsNoTracking().Include(r => r.Participants.Where(p => p.RemovedAt == null))
            .SingleOrDefaultAsync(r => r.Id == caller.RoomId, cancellationToken);
        var you = room?.Participants.SingleOrDefault(p => p.Id == caller.ParticipantId)
            ?? throw RoomRuleException.Forbidden(RoomAccess.SeatGoneMessage);

        var turns = await db.Turns.AsNoTracking().WithDetails()
            .Where(t => t.RoomId == room.Id).OrderBy(t => t.Ordinal)
            .ToListAsync(cancellationToken);
        var views = turns.Select(t => TurnViews.For(t, you.Role)).ToList();
        var participants = await presence.ViewsAsync(db, room.Participants.OrderBy(p => p.JoinedAt), cancellationToken);
        var candidate = room.Participants.SingleOrDefault(p => p.Role == ParticipantRole.Candidate);
        List<int>? askedBefore = you.Role == ParticipantRole.Interviewer && candidate is not null
            ? await Repeats.AskedBefore(db, candidate).Distinct().ToListAsync(cancellationToken)
            : null;

        return new RoomState(
            room.Id,
            room.Code,
            room.Title,
            TurnViews.Utc(room.CreatedAt),
            TurnViews.Utc(room.EndedAt),
            participants.Single(p => p.ParticipantId == you.Id),
            participants,
            views.LastOrDefault(),
            views,
            time.GetUtcNow(),
            room.Round,
            room.ClassId,
            askedBefore);
    }

    /// <summary>The caller as others see them (for presence events, moved seats included), without loading the room.</summary>
    public async Task<ParticipantView> ParticipantAsync(Caller caller, CancellationToken cancellationToken) =>
        await presence.ViewAsync(
            db,
            await db.Participants.AsNoTracking().SingleOrDefaultAsync(p => p.Id == caller.ParticipantId, cancellationToken)
                ?? throw RoomRuleException.Forbidden(RoomAccess.SeatGoneMessage),
            cancellationToken);

    /// <summary>Presence of the caller's seat: true when this is its first live connection anywhere.</summary>
    public Task<bool> ConnectedAsync(Caller caller, string connectionId, CancellationToken cancellationToken) =>
        presence.ConnectedAsync(db, caller.ParticipantId, connectionId, cancellationToken);

    /// <summary>Presence of the caller's seat: true when it has no live connection left anywhere.</summary>
    public Task<bool> DisconnectedAsync(Caller caller, string connectionId) =>
        presence.DisconnectedAsync(db, caller.ParticipantId, connectionId, CancellationToken.None);

    public async Task<TurnView> AskAsync(Caller caller, int questionId, int timeLimitSeconds, CancellationToken cancellationToken)
    {
        var room = await RoomAccess.OpenRoomAsync(db, caller, ParticipantRole.Interviewer, "ask a question", cancellationToken);
        if (timeLimitSeconds is < TurnClock.MinTimeLimitSeconds or > TurnClock.MaxTimeLimitSeconds)
        {
            throw RoomRuleException.Invalid(
                $"timeLimitSeconds must be between {TurnClock.MinTimeLimitSeconds} and {TurnClock.MaxTimeLimitSeconds}.");
        }

        var question = await db.Questions.AsNoTracking()
            .Where(q => q.Id == questionId)
            .Select(q => new { q.Id, Rubric = q.Rubrics.OrderByDescending(r => r.Version).First() })
            .SingleOrDefaultAsync(cancellationToken)
            ?? throw RoomRuleException.NotFound($"There is no question with id {questionId}.");

        var now = time.GetUtcNow().UtcDateTime;
        var latest = await db.Turns.AsNoTracking().Where(t => t.RoomId == room.Id)
            .OrderByDescending(t => t.Ordinal).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null && TurnClock.IsOpen(latest) && latest.Deadline > now)
        {
            throw RoomRuleException.Conflict(
                $"Question {latest.Ordinal} is still open until {latest.Deadline:O}; wait for the answer or the time-up.");
        }

        var candidate = await db.Participants.AsNoTracking()
            .SingleOrDefaultAsync(p => p.RoomId == room.Id && p.Role == ParticipantRole.Candidate && p.RemovedAt == null, cancellationToken);
        if (candidate is not null && await Repeats.AskedBefore(db, candidate).ContainsAsync(question.Id, cancellationToken))
        {
            throw RoomRuleException.Conflict(Repeats.Message(candidate.Name));
        }

        var turn = new Turn
        {
            Id = Guid.CreateVersion7(),
            RoomId = room.Id,
            Round = room.Round,
            CandidateId = candidate?.Id,
            InterviewerId = caller.ParticipantId,
            Ordinal = (latest?.Ordinal ?? 0) + 1,
            QuestionId = question.Id,
            RubricId = question.Rubric.Id,
            TimeLimitSeconds = timeLimitSeconds,
            AskedAt = now,
            Deadline = TurnClock.DeadlineOf(now, timeLimitSeconds),
        };
        db.Turns.Add(turn);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            throw RoomRuleException.Conflict("Another question was asked in this room at the same moment.");
        }

        deadlines.Wake();
        LogAsked(room.Id, turn.Id, question.Id, timeLimitSeconds);
        var asked = await TurnViews.LoadAsync(db, turn.Id, cancellationToken);
        await notifier.QuestionAsked(asked);
        return TurnViews.Full(asked);
    }

    /// <summary>The candidate's client confirms it shows the question: the delivery instant. Idempotent.</summary>
    public async Task<TurnView> AcknowledgeAsync(Caller caller, Guid turnId, CancellationToken cancellationToken)
    {
        await RoomAccess.OpenRoomAsync(db, caller, ParticipantRole.Candidate, "acknowledge a question", cancellationToken);
        var turn = await RoomAccess.TurnAsync(db, caller, turnId, cancellationToken);
        if (turn.DeliveredAt is not null || !TurnClock.IsOpen(turn))
        {
            return TurnViews.Public(turn);
        }

        if (turn.CandidateId is { } askedTo && askedTo != caller.ParticipantId)
        {
            return TurnViews.Public(turn); // asked to the seat's previous occupant: not this person's clock
        }

        var now = time.GetUtcNow().UtcDateTime;
        var seat = caller.ParticipantId;
        var stamped = await db.Turns
            .Where(t => t.Id == turnId && t.DeliveredAt == null && t.SubmittedAt == null && t.TimeUpAt == null && t.ClosedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.DeliveredAt, now)
                .SetProperty(t => t.CandidateId, t => t.CandidateId ?? seat), cancellationToken);
        var delivered = await TurnViews.LoadAsync(db, turnId, cancellationToken);
        if (stamped == 1)
        {
            LogDelivered(turn.RoomId, turn.Id, (now - turn.AskedAt).TotalMilliseconds);
            await notifier.QuestionDelivered(delivered);
        }

        return TurnViews.Public(delivered);
    }

    public async Task<SubmitResult> SubmitAsync(
        Caller caller, Guid turnId, string? answerText, string? clientRequestId, CancellationToken cancellationToken)
    {
        var room = await RoomAccess.SeatAsync(db, caller, ParticipantRole.Candidate, "submit an answer", cancellationToken);
        var requestId = RequestId(clientRequestId);
        var answer = answerText ?? "";
        if (answer.Length > MaxAnswerLength)
        {
            throw RoomRuleException.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"The answer is {answer.Length:N0} characters; the limit is {MaxAnswerLength:N0}. Nothing was saved."));
        }

        var turn = await RoomAccess.TurnAsync(db, caller, turnId, cancellationToken);
        if (turn.SubmittedAt is not null && turn.SubmitRequestId == requestId)
        {
            return ResultOf(turn); // a retry of a submit that landed, even after End
        }

        RoomAccess.EnsureOpen(room);
        if (turn.SubmittedAt is not null)
        {
            return Replay(turn, requestId);
        }

        if (turn.CandidateId is { } askedTo && askedTo != caller.ParticipantId)
        {
            throw RoomRuleException.Forbidden("This question was asked to someone else; only they can answer it.");
        }

        if (await db.Turns.AnyAsync(t => t.RoomId == turn.RoomId && t.Ordinal > turn.Ordinal, cancellationToken))
        {
            throw RoomRuleException.Conflict("A newer question has been asked; this one can no longer be answered.");
        }

        var now = time.GetUtcNow().UtcDateTime;
        var seat = caller.ParticipantId;
        var saved = await db.Turns.Where(t => t.Id == turnId && t.SubmittedAt == null && t.ClosedAt == null)
            .ExecuteUpdateAsync(set => set
                .SetProperty(t => t.SubmittedAt, now)
                .SetProperty(t => t.CandidateId, t => t.CandidateId ?? seat)
                .SetProperty(t => t.AnswerText, answer)
                .SetProperty(t => t.SubmitRequestId, requestId), cancellationToken);
        turn = await TurnViews.LoadAsync(db, turnId, cancellationToken);
        if (saved == 0)
        {
            // Lost a race: another submit landed first, or the room ended a moment ago.
            return turn.SubmittedAt is not null ? Replay(turn, requestId) : throw RoomRuleException.Conflict(RoomAccess.RoomEndedMessage);
        }

        LogSubmitted(turn.RoomId, turn.Id, TurnClock.ResponseTimeMs(turn), TurnClock.IsLate(turn));
        await notifier.AnswerSubmitted(turn);
        return ResultOf(turn);
    }

    public async Task EndAsync(Caller caller, CancellationToken cancellationToken)
    {
        await RoomAccess.OpenRoomAsync(db, caller, ParticipantRole.Interviewer, "end the room", cancellationToken);
        if (!await EndRoomAsync(caller.RoomId, cancellationToken))
        {
            throw RoomRuleException.Conflict(RoomAccess.RoomEndedMessage);
        }
    }

    /// <summary>Ends a room and closes its open question, once; pushes <c>RoomEnded</c>. False when it had already ended.</summary>
    public async Task<bool> EndRoomAsync(Guid roomId, CancellationToken cancellationToken, DateTime? at = null)
    {
        var now = at ?? time.GetUtcNow().UtcDateTime;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ended = await db.Rooms.Where(r => r.Id == roomId && r.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.EndedAt, now), cancellationToken);
        if (ended == 0)
        {
            return false;
        }

        await db.Turns.Where(t => t.RoomId == roomId && t.SubmittedAt == null && t.TimeUpAt == null && t.ClosedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClosedAt, now), cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        LogEnded(roomId);
        await notifier.RoomEnded(new RoomEndedEvent(roomId, TurnViews.Utc(now)));
        return true;
    }

    public static string RequestId(string? clientRequestId)
    {
        var id = clientRequestId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > MaxRequestIdLength)
        {
            throw RoomRuleException.Invalid($"clientRequestId is required (1 to {MaxRequestIdLength} characters).");
        }

        return id;
    }

    /// <summary>Already submitted: a retry of the same request gets the same answer, even after End; anything else is refused.</summary>
    private static SubmitResult Replay(Turn turn, string requestId) =>
        turn.SubmitRequestId == requestId
            ? ResultOf(turn)
            : throw RoomRuleException.Conflict("An answer to this question was already submitted.");

    private static SubmitResult ResultOf(Turn turn) =>
        new(turn.Id, TurnViews.Utc(turn.SubmittedAt!.Value), TurnClock.ResponseTimeMs(turn), TurnClock.IsLate(turn));

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: question {QuestionId} asked with {TimeLimitSeconds} s")]
    private partial void LogAsked(Guid roomId, Guid turnId, int questionId, int timeLimitSeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: delivered {DeliveryMs:F0} ms after asking")]
    private partial void LogDelivered(Guid roomId, Guid turnId, double deliveryMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: answer submitted, response time {ResponseTimeMs} ms, late {IsLate}")]
    private partial void LogSubmitted(Guid roomId, Guid turnId, long? responseTimeMs, bool isLate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} ended")]
    private partial void LogEnded(Guid roomId);
}
