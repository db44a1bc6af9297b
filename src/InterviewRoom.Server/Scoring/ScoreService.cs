using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Scoring;

/// <summary>
/// Stores an interviewer's score of one answer. The same client request id stores one row however often it
/// is sent; any other call adds a version, so the history of edits is kept. Two interviewers saving at the
/// same moment cannot both become version N: the unique (turn, version) index refuses the second.
/// </summary>
internal sealed partial class ScoreService(
    InterviewRoomDb db, TimeProvider time, RoomNotifier notifier, ILogger<ScoreService> logger)
{
    public const int MaxNotesLength = 4000;

    public async Task<ScoreView> ScoreAsync(Caller caller, Guid turnId, ScoreInput? input, CancellationToken cancellationToken)
    {
        var (room, turn) = await RoomAccess.AskedTurnAsync(db, caller, turnId, "score an answer", cancellationToken);
        if (input is null)
        {
            throw RoomRuleException.Invalid("A score object is required.");
        }

        var requestId = InterviewService.RequestId(input.ClientRequestId);
        var rubric = turn.Rubric!;

        var repeated = await db.Scores.AsNoTracking()
            .SingleOrDefaultAsync(s => s.TurnId == turnId && s.ClientRequestId == requestId, cancellationToken);
        if (repeated is not null)
        {
            // A retry of a save that already landed, even after End, gets that save back.
            return repeated.ToView(rubric.Version);
        }

        RoomAccess.EnsureOpen(room);
        if (turn.SubmittedAt is null && turn.TimeUpAt is null)
        {
            throw RoomRuleException.Conflict("There is no answer to score yet: the candidate is still answering.");
        }

        var ratings = ScoreInputRules.Ratings(input, rubric);
        var redFlags = ScoreInputRules.RedFlags(input, rubric);
        var notes = ScoreInputRules.Notes(input);
        ScoreInputRules.CheckOverall(input, ratings);

        var current = await db.Scores.Where(s => s.TurnId == turnId).MaxAsync(s => (int?)s.Version, cancellationToken) ?? 0;
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
        db.Scores.Add(score);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            var raced = await db.Scores.AsNoTracking()
                .SingleOrDefaultAsync(s => s.TurnId == turnId && s.ClientRequestId == requestId, cancellationToken);
            return raced?.ToView(rubric.Version) ?? throw RoomRuleException.Conflict(
                "Someone else saved a score for this answer at the same moment; reload it and try again.");
        }

        LogScored(turn.RoomId, turnId, score.Version, score.Overall);
        var view = score.ToView(rubric.Version);
        await notifier.ScoreSaved(turn.RoomId, view);
        if (turn.RevealedAt is not null)
        {
            // Already shown as feedback: show the edit too.
            await notifier.FeedbackRevealed(await TurnViews.LoadAsync(db, turnId, cancellationToken));
        }

        return view;
    }

    /// <summary>Shows the candidate (and observers) the rubric, reference answer and score of a scored answer. Idempotent.</summary>
    public async Task<TurnView> RevealAsync(Caller caller, Guid turnId, CancellationToken cancellationToken)
    {
        var (room, turn) = await RoomAccess.AskedTurnAsync(db, caller, turnId, "reveal feedback", cancellationToken);
        RoomAccess.EnsureOpen(room);
        if (turn.Scores.Count == 0)
        {
            throw RoomRuleException.Conflict("Score this answer before revealing feedback.");
        }

        var revealed = await db.Turns.Where(t => t.Id == turnId && t.RevealedAt == null)
            .ExecuteUpdateAsync(set => set.SetProperty(t => t.RevealedAt, time.GetUtcNow().UtcDateTime), cancellationToken);
        turn = await TurnViews.LoadAsync(db, turnId, cancellationToken);
        if (revealed == 1)
        {
            LogRevealed(turn.RoomId, turnId);
            await notifier.FeedbackRevealed(turn);
        }

        return TurnViews.Full(turn);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: score version {Version} saved, overall {Overall}")]
    private partial void LogScored(Guid roomId, Guid turnId, int version, int? overall);

    [LoggerMessage(Level = LogLevel.Information, Message = "Turn {TurnId} in room {RoomId}: feedback revealed")]
    private partial void LogRevealed(Guid roomId, Guid turnId);
}
