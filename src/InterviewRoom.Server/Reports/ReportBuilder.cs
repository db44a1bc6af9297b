using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Reports;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Reports;

/// <summary>
/// The stored record of a room, per question asked. The seat that asked a question sees everything of it, the
/// score's criteria included. Everyone else sees its question, times and answer, and its overall score and notes
/// once it is revealed or the room has ended; never its reference answer or criteria.
/// </summary>
internal sealed class ReportBuilder(InterviewRoomDb db, Presence presence)
{
    public async Task<RoomReport> BuildAsync(Caller caller, Guid roomId, CancellationToken cancellationToken)
    {
        if (caller.RoomId != roomId)
        {
            // Same answer as for a room that does not exist: a token of room A learns nothing about room B.
            throw RoomRuleException.NotFound("No report for that room with this token.");
        }

        var room = await db.Rooms.AsNoTracking().Include(r => r.Participants)
            .SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken)
            ?? throw RoomRuleException.NotFound("No report for that room with this token.");
        var turns = await db.Turns.AsNoTracking().WithDetails()
            .Where(t => t.RoomId == roomId).OrderBy(t => t.Ordinal)
            .ToListAsync(cancellationToken);

        var seat = room.Participants.SingleOrDefault(p => p.Id == caller.ParticipantId && p.RemovedAt is null)
            ?? throw RoomRuleException.NotFound("No report for that room with this token.");
        var names = room.Participants.ToDictionary(p => p.Id, p => p.Name);
        return new RoomReport(
            room.Id,
            room.Code,
            room.Title,
            Instants.Utc(room.CreatedAt),
            Instants.Utc(room.EndedAt),
            await presence.ViewsAsync(db, room.Participants.Where(p => p.RemovedAt is null).OrderBy(p => p.JoinedAt), cancellationToken),
            [.. turns.Select(t =>
            {
                // Whoever asked a question sees its criteria; after a swap that is each person for their own round. The
                // score and notes: the asker, anyone once revealed or once the room has ended; never the new interviewer
                // reading the score of their own unrevealed answer.
                var asked = Visibility.AskedBy(t, seat);
                return ItemOf(t, asked || t.RevealedAt is not null || room.EndedAt is not null, asked, names);
            })],
            seat.Id);
    }

    private static ReportItem ItemOf(Turn turn, bool showScore, bool showCriteria, Dictionary<Guid, string> names)
    {
        var question = turn.Question!;
        var score = showScore ? turn.Scores.MaxBy(s => s.Version) : null;
        return new ReportItem(
            turn.Id,
            turn.Ordinal,
            question.Id,
            question.Number,
            question.Text,
            question.Kind,
            question.Topics,
            turn.TimeLimitSeconds,
            TurnClock.StatusOf(turn),
            Instants.Utc(turn.AskedAt),
            Instants.Utc(turn.DeliveredAt),
            Instants.Utc(turn.Deadline),
            Instants.Utc(turn.SubmittedAt),
            Instants.Utc(turn.TimeUpAt),
            TurnClock.ResponseTimeMs(turn),
            TurnClock.IsLate(turn),
            turn.AnswerText,
            score is null ? null : new ReportScore(
                score.Version,
                score.Overall,
                score.SuggestedOverall,
                score.NotAssessed,
                score.RedFlags,
                score.Notes,
                Instants.Utc(score.ScoredAt),
                showCriteria ? CriteriaOf(turn.Rubric!, score) : null,
                turn.Rubric!.Version,
                showCriteria ? [.. turn.Rubric!.RedFlags.Where(f => score.RedFlags.Contains(f.Id))] : null),
            turn.Round,
            turn.CandidateId is { } candidate ? names.GetValueOrDefault(candidate) : null,
            turn.InterviewerId is { } interviewer ? names.GetValueOrDefault(interviewer) : null);
    }

    /// <summary>Every criterion of the rubric the score was given against; an unrated one has no rating (not a 0).</summary>
    private static List<ReportCriterion> CriteriaOf(Rubric rubric, Score score) =>
    [
        .. rubric.Criteria.Select(c => new ReportCriterion(
            c.Id, c.Text, score.Ratings.FirstOrDefault(r => r.CriterionId == c.Id)?.Rating, c.Core)),
    ];
}
