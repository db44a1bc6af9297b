using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using InterviewRoom.Server.Questions;
using InterviewRoom.Server.Scoring;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// The only place a turn becomes a message. The public view has no reference answer, guidance, rubric or
/// score; only the full view carries <see cref="TurnInterviewerView"/>, and who gets which is
/// <see cref="Visibility.SeesInterviewerView"/>'s call.
/// </summary>
internal static class TurnViews
{
    /// <summary>Turns with what every view needs: the question, the rubric asked against, the latest score.</summary>
    public static IQueryable<Turn> WithDetails(this IQueryable<Turn> turns) => turns
        .Include(t => t.Question)
        .Include(t => t.Rubric)
        .Include(t => t.Scores.OrderByDescending(s => s.Version).Take(1))
        .AsSplitQuery();

    public static Task<Turn> LoadAsync(InterviewRoomDb db, Guid turnId, CancellationToken cancellationToken) =>
        db.Turns.AsNoTracking().WithDetails().SingleAsync(t => t.Id == turnId, cancellationToken);

    public static TurnView Public(Turn turn)
    {
        var question = turn.Question!;
        return new TurnView(
            turn.Id,
            turn.RoomId,
            turn.Ordinal,
            question.Id,
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
            Feedback: FeedbackOf(turn),
            Round: turn.Round,
            AskedBy: turn.InterviewerId);
    }

    /// <summary>Only after <c>Reveal</c>: the reference answer, the rubric and the latest score, as feedback.</summary>
    private static TurnFeedbackView? FeedbackOf(Turn turn) =>
        turn is { RevealedAt: { } revealed, Rubric: { } rubric } && turn.Scores.MaxBy(s => s.Version) is { } latest
            ? new TurnFeedbackView(Instants.Utc(revealed), turn.Question!.ReferenceAnswer, rubric.ToDto(), latest.ToView(rubric.Version))
            : null;

    public static TurnView Full(Turn turn)
    {
        var latest = turn.Scores.MaxBy(s => s.Version);
        var rubric = turn.Rubric!;
        return Public(turn) with
        {
            Interviewer = new TurnInterviewerView(
                turn.Question!.ReferenceAnswer,
                turn.Question!.Guidance,
                rubric.ToDto(),
                latest?.ToView(rubric.Version),
                latest?.Version ?? 0),
        };
    }
}
