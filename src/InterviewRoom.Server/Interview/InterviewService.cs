using System.Globalization;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Interview.Timing;
using InterviewRoom.Server.Questions;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// The room's state machine: ask, deliver, submit, end. Every method decides on the room as the database has it
/// (<see cref="RoomStore"/>: checked by version, not re-read rule by rule), commits one guarded write, then pushes.
/// Scoring lives in <see cref="Scoring.ScoreService"/>.
/// </summary>
internal sealed partial class InterviewService(
    InterviewRoomDb db, RoomStore rooms, QuestionCatalog questions, TimeProvider time, RoomNotifier notifier,
    DeadlineSignal deadlines, Presence presence, ILogger<InterviewService> logger)
{
    /// <summary>Characters in one answer; JSON-escaped it stays below the hub's message size limit.</summary>
    public const int MaxAnswerLength = 20_000;

    public Task<RoomState> GetStateAsync(Caller caller, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var seq = await lease.ReadSequenceAsync(cancellationToken); // first: every push up to it is in what is read next
            var room = lease.State;
            var you = room.Seat(caller);
            var views = room.Turns.Select(t => Visibility.SeesInterviewerView(t, you) ? TurnViews.Full(t) : TurnViews.Public(t)).ToList();
            var participants = await presence.ViewsAsync(db, room.Present.OrderBy(p => p.JoinedAt), cancellationToken);
            var candidate = room.Candidate;
            List<int>? askedBefore = Visibility.IsInterviewer(you) && candidate is not null
                ? [.. await Repeats.AskedBeforeAsync(db, room, candidate, cancellationToken)]
                : null;

            return new RoomState(
                room.Id,
                room.Room.Code,
                room.Room.Title,
                Instants.Utc(room.Room.CreatedAt),
                Instants.Utc(room.Room.EndedAt),
                participants.Single(p => p.ParticipantId == you.Id),
                participants,
                views.LastOrDefault(),
                views,
                time.GetUtcNow(),
                room.Room.Round,
                room.Room.ClassId,
                askedBefore,
                Visibility.IsInterviewer(you) ? room.Room.ObserverKey : null,
                seq);
        }, cancellationToken);

    /// <summary>
    /// Tells everyone in the caller's room that its seat came online or went offline (a presence transition), to
    /// the seats as the room has them now, with the room's next push number: one statement takes it and checks the
    /// room's copy at once, so a transition costs the database no more than before.
    /// </summary>
    public async Task AnnouncePresenceAsync(Caller caller, bool online, CancellationToken cancellationToken)
    {
        var classId = await rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            var seat = room.AnySeat(caller.ParticipantId) ?? throw RoomRuleException.Forbidden(LiveRoom.SeatGoneMessage);
            await lease.TakeSequenceAsync(cancellationToken);
            await notifier.PresenceChanged(room, Presence.ViewOf(seat, online));
            return room.Room.ClassId;
        }, cancellationToken);
        await notifier.PresenceNoticed(classId, caller.RoomId);
    }

    public async Task<TurnView> AskAsync(Caller caller, int questionId, int timeLimitSeconds, CancellationToken cancellationToken)
    {
        var asked = await rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            var interviewer = room.Seat(caller, ParticipantRole.Interviewer, "ask a question");
            room.EnsureOpen();
            TurnClock.CheckTimeLimit(timeLimitSeconds);
            var question = await questions.QuestionAsync(db, questionId, cancellationToken)
                ?? throw RoomRuleException.NotFound($"There is no question with id {questionId}.");
            var candidate = room.Candidate;
            var repeats = candidate is null ? [] : await Repeats.AlreadyAskedAsync(db, [(room, candidate)], question.Id, cancellationToken);

            var turn = NewTurn(room, interviewer, question, timeLimitSeconds, time.GetUtcNow().UtcDateTime, repeats);
            await lease.CommitAsync(ct => InsertAsync(turn, ct), roomWidePush: true, cancellationToken);
            Asked(room, turn, question);
            deadlines.WakeFor(turn.Deadline);
            await notifier.QuestionAsked(room, turn);
            return turn;
        }, cancellationToken);
        return TurnViews.Full(asked);
    }

    /// <summary>
    /// A class push: one question in each of these rooms at once, asked by the room's own interviewer seat under the
    /// same rules as <see cref="AskAsync"/>. The rooms that can take it commit in one transaction and hear of it at
    /// once; each other room is returned with the reason it was skipped. In the order the rooms were given.
    /// </summary>
    public async Task<IReadOnlyList<RoomAsk>> AskInRoomsAsync(
        IReadOnlyList<Guid> roomIds, int questionId, int timeLimitSeconds, CancellationToken cancellationToken)
    {
        TurnClock.CheckTimeLimit(timeLimitSeconds);
        var question = await questions.QuestionAsync(db, questionId, cancellationToken)
            ?? throw RoomRuleException.NotFound($"There is no question with id {questionId}.");
        return await rooms.RunManyAsync(db, roomIds, async batch =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var pairs = batch.Rooms.Select(r => (Room: r, r.Interviewer, r.Candidate)).ToList();
            var repeats = await Repeats.AlreadyAskedAsync(
                db, [.. pairs.Where(p => p.Candidate is not null).Select(p => (p.Room, p.Candidate!))], question.Id, cancellationToken);

            var outcomes = new Dictionary<Guid, RoomAsk>();
            var asked = new List<(LiveRoom Room, Turn Turn)>();
            foreach (var (room, interviewer, candidate) in pairs)
            {
                try
                {
                    if (interviewer is null || candidate is null)
                    {
                        throw RoomRuleException.Conflict("The room has no interviewer and candidate pair.");
                    }

                    asked.Add((room, NewTurn(room, interviewer, question, timeLimitSeconds, now, repeats)));
                }
                catch (RoomRuleException refused)
                {
                    outcomes[room.Id] = new RoomAsk(room.Id, null, refused.Message);
                }
            }

            await batch.CommitAsync([.. asked.Select(a => (a.Room, (Func<CancellationToken, Task<bool>>)(ct => InsertAsync(a.Turn, ct))))], cancellationToken);
            foreach (var (room, turn) in asked)
            {
                Asked(room, turn, question);
                outcomes[room.Id] = new RoomAsk(room.Id, turn.Id, null);
            }

            if (asked.Count > 0)
            {
                deadlines.WakeFor(asked.Min(a => a.Turn.Deadline));
                await notifier.QuestionsAsked(asked);
            }

            return (IReadOnlyList<RoomAsk>)[.. roomIds.Distinct().Select(id => outcomes.GetValueOrDefault(id) ?? new RoomAsk(id, null, LiveRoom.RoomEndedMessage))];
        }, cancellationToken);
    }

    /// <summary>
    /// The rules of an ask, decided on the room as it is: open, no question still running, not a repeat for the
    /// candidate (<paramref name="alreadyAsked"/>: candidates asked this question before). The new turn, or the refusal.
    /// </summary>
    private static Turn NewTurn(LiveRoom room, Participant interviewer, Question question, int timeLimitSeconds, DateTime now, HashSet<Guid> alreadyAsked)
    {
        room.EnsureOpen();
        var latest = room.Latest;
        if (latest is not null && TurnClock.IsRunning(latest, now))
        {
            throw RoomRuleException.Conflict(
                $"Question {latest.Ordinal} is still open until {latest.Deadline:O}; wait for the answer or the time-up.");
        }

        var candidate = room.Candidate;
        if (candidate is not null && alreadyAsked.Contains(candidate.Id))
        {
            throw RoomRuleException.Conflict(Repeats.Message(candidate.Name));
        }

        return new Turn
        {
            Id = Guid.CreateVersion7(),
            RoomId = room.Id,
            Round = room.Room.Round,
            CandidateId = candidate?.Id,
            InterviewerId = interviewer.Id,
            Ordinal = (latest?.Ordinal ?? 0) + 1,
            QuestionId = question.Id,
            RubricId = question.Rubrics[0].Id,
            TimeLimitSeconds = timeLimitSeconds,
            AskedAt = now,
            Deadline = TurnClock.DeadlineOf(now, timeLimitSeconds),
        };
    }

    /// <summary>A committed ask, applied to the room in memory.</summary>
    private void Asked(LiveRoom room, Turn turn, Question question)
    {
        turn.Question = question;
        turn.Rubric = question.Rubrics[0];
        room.Turns.Add(turn);
        LogAsked(room.Id, turn.Id, question.Id, turn.TimeLimitSeconds);
    }

    /// <summary>The candidate's client confirms it shows the question: the delivery instant. Idempotent.</summary>
    public Task<TurnView> AcknowledgeAsync(Caller caller, Guid turnId, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            room.Seat(caller, ParticipantRole.Candidate, "acknowledge a question");
            room.EnsureOpen();
            var turn = room.Turn(turnId);
            if (turn.DeliveredAt is not null || !TurnClock.IsOpen(turn) || (turn.CandidateId is { } askedTo && askedTo != caller.ParticipantId))
            {
                // Already delivered, closed, or asked to the seat's previous occupant: not this person's clock.
                return TurnViews.Public(turn);
            }

            var now = time.GetUtcNow().UtcDateTime;
            var seat = caller.ParticipantId;
            var deadline = TurnClock.DeadlineAtDelivery(turn, now);
            await lease.CommitAsync(async ct => 1 == await RoomSql.UpdateAsync<Turn>(
                db,
                [(nameof(Turn.DeliveredAt), now), (nameof(Turn.Deadline), deadline), (nameof(Turn.CandidateId), seat)],
                [(nameof(Turn.Id), turnId), (nameof(Turn.DeliveredAt), null), .. TurnClock.OpenColumns],
                ct,
                keepIfSet: [nameof(Turn.CandidateId)]), roomWidePush: true, cancellationToken);
            turn.DeliveredAt = now;
            turn.Deadline = deadline;
            turn.CandidateId ??= seat;

            LogDelivered(room.Id, turn.Id, (now - turn.AskedAt).TotalMilliseconds);
            await notifier.QuestionDelivered(room, turn);
            return TurnViews.Public(turn);
        }, cancellationToken);

    public Task<SubmitResult> SubmitAsync(
        Caller caller, Guid turnId, string? answerText, string? clientRequestId, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            room.Seat(caller, ParticipantRole.Candidate, "submit an answer");
            var requestId = Input.RequestId(clientRequestId);
            var answer = answerText ?? "";
            if (answer.Length > MaxAnswerLength)
            {
                throw RoomRuleException.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"The answer is {answer.Length:N0} characters; the limit is {MaxAnswerLength:N0}. Nothing was saved."));
            }

            var turn = room.Turn(turnId);
            if (turn.SubmittedAt is not null && turn.SubmitRequestId == requestId)
            {
                return ResultOf(turn); // a retry of a submit that landed, even after End
            }

            room.EnsureOpen();
            if (turn.SubmittedAt is not null)
            {
                return Replay(turn, requestId);
            }

            if (turn.CandidateId is { } askedTo && askedTo != caller.ParticipantId)
            {
                throw RoomRuleException.Forbidden("This question was asked to someone else; only they can answer it.");
            }

            if (room.Turns.Any(t => t.Ordinal > turn.Ordinal))
            {
                throw RoomRuleException.Conflict("A newer question has been asked; this one can no longer be answered.");
            }

            var now = time.GetUtcNow().UtcDateTime;
            var seat = caller.ParticipantId;
            await lease.CommitAsync(async ct => 1 == await RoomSql.UpdateAsync<Turn>(
                db,
                [(nameof(Turn.SubmittedAt), now), (nameof(Turn.CandidateId), seat), (nameof(Turn.AnswerText), answer), (nameof(Turn.SubmitRequestId), requestId)],
                [(nameof(Turn.Id), turnId), (nameof(Turn.SubmittedAt), null), (nameof(Turn.ClosedAt), null)],
                ct,
                keepIfSet: [nameof(Turn.CandidateId)]), roomWidePush: true, cancellationToken);
            turn.SubmittedAt = now;
            turn.CandidateId ??= seat;
            turn.AnswerText = answer;
            turn.SubmitRequestId = requestId;

            LogSubmitted(room.Id, turn.Id, TurnClock.ResponseTimeMs(turn), TurnClock.IsLate(turn));
            await notifier.AnswerSubmitted(room, turn);
            return ResultOf(turn);
        }, cancellationToken);

    public async Task EndAsync(Caller caller, CancellationToken cancellationToken) =>
        await rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            lease.State.Seat(caller, ParticipantRole.Interviewer, "end the room");
            lease.State.EnsureOpen();
            return await EndAsync(lease, time.GetUtcNow().UtcDateTime, cancellationToken);
        }, cancellationToken);

    /// <summary>
    /// Ends these rooms and closes their open questions, once (a class that ends or is arranged anew): one
    /// transaction for all of them, then every room's <c>RoomEnded</c> at once. Rooms already ended are left as they are.
    /// </summary>
    public Task EndRoomsAsync(IReadOnlyList<Guid> roomIds, DateTime at, CancellationToken cancellationToken) =>
        rooms.RunManyAsync(db, roomIds, async batch =>
        {
            var ending = batch.Rooms.Where(r => !r.Ended).ToList();
            await batch.CommitAsync([.. ending.Select(r => (r, EndWrite(r, at)))], cancellationToken);
            foreach (var room in ending)
            {
                Ended(room, at);
            }

            await notifier.RoomsEnded([.. ending.Select(r => (r, new RoomEndedEvent(r.Id, Instants.Utc(at))))]);
            return ending.Count;
        }, cancellationToken);

    private async Task<bool> EndAsync(RoomLease lease, DateTime now, CancellationToken cancellationToken)
    {
        var room = lease.State;
        if (room.Ended)
        {
            return false;
        }

        await lease.CommitAsync(EndWrite(room, now), roomWidePush: true, cancellationToken);
        Ended(room, now);
        await notifier.RoomEnded(room, new RoomEndedEvent(room.Id, Instants.Utc(now)));
        return true;
    }

    /// <summary>The room's end and its open question's close, as one write (false: it had ended meanwhile).</summary>
    private Func<CancellationToken, Task<bool>> EndWrite(LiveRoom room, DateTime now) => async ct =>
    {
        var ended = await db.Rooms.Where(r => r.Id == room.Id && r.EndedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.EndedAt, now), ct);
        await db.Turns.Where(TurnClock.Open).Where(t => t.RoomId == room.Id)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.ClosedAt, now), ct);
        return ended == 1;
    };

    /// <summary>A committed end, applied to the room in memory.</summary>
    private void Ended(LiveRoom room, DateTime now)
    {
        room.Room.EndedAt = now;
        foreach (var turn in room.Turns.Where(TurnClock.IsOpen))
        {
            turn.ClosedAt = now;
        }

        LogEnded(room.Id);
    }

    private async Task<bool> InsertAsync(Turn turn, CancellationToken cancellationToken)
    {
        try
        {
            await RoomSql.InsertAsync(db, turn, cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return false; // the room moved on meanwhile (another ordinal landed): decide again
        }
    }

    /// <summary>Already submitted: a retry of the same request gets the same answer, even after End; anything else is refused.</summary>
    private static SubmitResult Replay(Turn turn, string requestId) =>
        turn.SubmitRequestId == requestId
            ? ResultOf(turn)
            : throw RoomRuleException.Conflict("An answer to this question was already submitted.");

    private static SubmitResult ResultOf(Turn turn) =>
        new(turn.Id, Instants.Utc(turn.SubmittedAt!.Value), TurnClock.ResponseTimeMs(turn), TurnClock.IsLate(turn));

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {TurnId} in room {RoomId}: question {QuestionId} asked with {TimeLimitSeconds} s")]
    private partial void LogAsked(Guid roomId, Guid turnId, int questionId, int timeLimitSeconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {TurnId} in room {RoomId}: delivered {DeliveryMs:F0} ms after asking")]
    private partial void LogDelivered(Guid roomId, Guid turnId, double deliveryMs);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {TurnId} in room {RoomId}: answer submitted, response time {ResponseTimeMs} ms, late {IsLate}")]
    private partial void LogSubmitted(Guid roomId, Guid turnId, long? responseTimeMs, bool isLate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Room {RoomId} ended")]
    private partial void LogEnded(Guid roomId);
}

/// <summary>One room's part in a class push: the turn asked there, or why it was skipped.</summary>
internal sealed record RoomAsk(Guid RoomId, Guid? TurnId, string? Skipped);
