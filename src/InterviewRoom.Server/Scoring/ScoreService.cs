using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Scoring;

/// <summary>
/// Stores an interviewer's score of one answer. The same client request id stores one row however often it
/// is sent; any other call adds a version, so the history of edits is kept. Two interviewers saving at the
/// same moment cannot both become version N: the room's guarded write decides again for the second (which then
/// sees version N), and the unique (turn, version) and (turn, request id) indexes stand behind it.
/// </summary>
internal sealed partial class ScoreService(
    InterviewRoomDb db, RoomStore rooms, TimeProvider time, RoomNotifier notifier, ILogger<ScoreService> logger)
{
    public const int MaxNotesLength = 4000;

    public Task<ScoreView> ScoreAsync(Caller caller, Guid turnId, ScoreInput? input, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            var turn = room.AskedTurn(caller, turnId, "score an answer");
            if (input is null)
            {
                throw RoomRuleException.Invalid("A score object is required.");
            }

            var requestId = Input.RequestId(input.ClientRequestId);
            var rubric = turn.Rubric!;
            var latest = turn.Scores.MaxBy(s => s.Version);
            if (latest?.ClientRequestId == requestId)
            {
                return latest.ToView(rubric.Version); // a retry of the last save, even after End
            }

            if (room.Ended && await SavedAsync(turnId, requestId, cancellationToken) is { } earlier)
            {
                return earlier.ToView(rubric.Version); // a retry of an earlier save that landed before End
            }

            room.EnsureOpen();
            if (!TurnClock.IsAnsweredOrTimedUp(turn))
            {
                throw RoomRuleException.Conflict("There is no answer to score yet: the candidate is still answering.");
            }

            var ratings = ScoreInputRules.Ratings(input, rubric);
            var redFlags = ScoreInputRules.RedFlags(input, rubric);
            var notes = ScoreInputRules.Notes(input);
            ScoreInputRules.CheckOverall(input, ratings);

            var current = latest?.Version ?? 0;
            if (input.BaseVersion is { } baseVersion && baseVersion != current)
            {
                throw RoomRuleException.Conflict(
                    $"This score was changed meanwhile (now version {current}, you edited version {baseVersion}); reload it and try again.");
            }

            var suggested = input.NotAssessed ? null : ScoreCalculator.Suggest(rubric.Criteria, ratings);
            var score = new Score
            {
                TurnId = turnId,
                Version = current + 1,
                ClientRequestId = requestId,
                ScoredBy = caller.ParticipantId,
                ScoredAt = time.GetUtcNow().UtcDateTime,
                RubricId = rubric.Id,
                Ratings = ratings,
                RedFlags = redFlags,
                SuggestedOverall = suggested,
                Overall = ScoreCalculator.Overall(suggested, input.Overall, redFlags.Count > 0, input.NotAssessed),
                NotAssessed = input.NotAssessed,
                Notes = notes,
            };
            try
            {
                // Only a revealed answer's new score goes to the whole room (FeedbackRevealed); ScoreSaved goes to its asker.
                await lease.CommitAsync(ct => InsertAsync(score, ct), roomWidePush: turn.RevealedAt is not null, cancellationToken);
            }
            catch (DuplicateRequestException)
            {
                // The same request id as an earlier (not the latest) version: that save is the answer.
                return (await SavedAsync(turnId, requestId, cancellationToken))!.ToView(rubric.Version);
            }

            turn.Scores = [score];
            LogScored(room.Id, turnId, score.Version, score.Overall);
            var view = score.ToView(rubric.Version);
            if (turn.RevealedAt is not null)
            {
                // Already shown as feedback: show the edit too. First, so that ScoreSaved carries the number of the
                // room-wide push before it, as a targeted push does (a later number would look like a missed push).
                await notifier.FeedbackRevealed(room, turn);
            }

            await notifier.ScoreSaved(room, turn, view);

            return view;
        }, cancellationToken);

    /// <summary>Shows the candidate (and observers) the rubric, reference answer and score of a scored answer. Idempotent.</summary>
    public Task<TurnView> RevealAsync(Caller caller, Guid turnId, CancellationToken cancellationToken) =>
        rooms.RunAsync(db, caller.RoomId, async lease =>
        {
            var room = lease.State;
            var turn = room.AskedTurn(caller, turnId, "reveal feedback");
            room.EnsureOpen();
            if (turn.Scores.Count == 0)
            {
                throw RoomRuleException.Conflict("Score this answer before revealing feedback.");
            }

            if (turn.RevealedAt is null)
            {
                var now = time.GetUtcNow().UtcDateTime;
                await lease.CommitAsync(async ct => 1 == await RoomSql.UpdateAsync<Turn>(
                    db, [(nameof(Turn.RevealedAt), now)], [(nameof(Turn.Id), turnId), (nameof(Turn.RevealedAt), null)], ct), roomWidePush: true, cancellationToken);
                turn.RevealedAt = now;
                LogRevealed(room.Id, turnId);
                await notifier.FeedbackRevealed(room, turn);
            }

            return TurnViews.Full(turn);
        }, cancellationToken);

    private Task<Score?> SavedAsync(Guid turnId, string requestId, CancellationToken cancellationToken) =>
        db.Scores.AsNoTracking().SingleOrDefaultAsync(s => s.TurnId == turnId && s.ClientRequestId == requestId, cancellationToken);

    private async Task<bool> InsertAsync(Score score, CancellationToken cancellationToken)
    {
        try
        {
            await RoomSql.InsertAsync(db, score, cancellationToken);
            return true;
        }
        catch (System.Data.Common.DbException)
        {
            return await SavedAsync(score.TurnId, score.ClientRequestId, cancellationToken) is null
                ? false // another version landed meanwhile: decide again on fresh state
                : throw new DuplicateRequestException();
        }
    }

    private sealed class DuplicateRequestException() : Exception("This client request id was stored before.");

    [LoggerMessage(Level = LogLevel.Debug, Message = "Turn {TurnId} in room {RoomId}: score version {Version} saved, overall {Overall}")]
    private partial void LogScored(Guid roomId, Guid turnId, int version, int? overall);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: feedback revealed")]
    private partial void LogRevealed(Guid roomId, Guid turnId);
}
