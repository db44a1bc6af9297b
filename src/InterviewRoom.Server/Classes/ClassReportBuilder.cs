using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// The class's record across all its rooms and rounds: per student (what they answered, the latest overall
/// score of each answer), per question (asked, answered, average, distribution of the latest overall scores).
/// </summary>
internal sealed class ClassReportBuilder(InterviewRoomDb db)
{
    public async Task<ClassReport> BuildAsync(Guid classId, CancellationToken cancellationToken)
    {
        var session = await db.Classes.AsNoTracking().Include(c => c.Students)
            .SingleOrDefaultAsync(c => c.Id == classId, cancellationToken)
            ?? throw RoomRuleException.NotFound("No report for that class with this token.");
        var turns = await db.Turns.AsNoTracking().WithDetails()
            .Include(t => t.Room).Include(t => t.Candidate).Include(t => t.Interviewer)
            .Where(t => t.Room!.ClassId == classId)
            .ToListAsync(cancellationToken);
        turns = [.. turns.OrderBy(t => t.AskedAt).ThenBy(t => t.Room!.Code)];

        return new ClassReport(
            session.Id,
            session.Name,
            Instants.Utc(session.CreatedAt),
            Instants.Utc(session.EndedAt),
            [.. session.Students.OrderBy(s => s.Name, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.JoinedAt)
                .Select(s => StudentOf(s, turns))],
            [.. turns.GroupBy(t => t.QuestionId).OrderBy(g => g.Min(t => t.AskedAt)).Select(QuestionOf)]);
    }

    private static ClassReportStudent StudentOf(ClassStudent student, List<Turn> turns)
    {
        var answered = turns.Where(t => t.Candidate?.PrincipalId == student.Id).ToList();
        var overalls = answered.Select(t => Latest(t)?.Overall).OfType<int>().ToList();
        return new ClassReportStudent(
            student.Id,
            student.Name,
            answered.Count(t => t.SubmittedAt is not null),
            turns.Count(t => t.Interviewer?.PrincipalId == student.Id),
            overalls.Count == 0 ? null : Math.Round(overalls.Average(), 2),
            [.. answered.Select(t => new ClassReportAnswer(
                t.Id,
                t.Room!.Code,
                t.Round,
                t.QuestionId,
                t.Question!.Number,
                t.Question.Text,
                TurnClock.StatusOf(t),
                TurnClock.ResponseTimeMs(t),
                TurnClock.IsLate(t),
                Latest(t)?.Overall,
                Latest(t)?.NotAssessed ?? false,
                t.Interviewer?.Name))]);
    }

    private static ClassReportQuestion QuestionOf(IGrouping<int, Turn> asked)
    {
        var first = asked.First().Question!;
        var scores = asked.Select(Latest).ToList();
        var overalls = scores.Select(s => s?.Overall).OfType<int>().ToList();
        var times = asked.Select(TurnClock.ResponseTimeMs).OfType<long>().ToList();
        return new ClassReportQuestion(
            first.Id,
            first.Number,
            first.Text,
            asked.Count(),
            asked.Count(t => t.SubmittedAt is not null),
            overalls.Count == 0 ? null : Math.Round(overalls.Average(), 2),
            times.Count == 0 ? null : Math.Round(times.Average(), 0),
            new ScoreDistribution(
                overalls.Count(o => o == 1),
                overalls.Count(o => o == 2),
                overalls.Count(o => o == 3),
                overalls.Count(o => o == 4),
                overalls.Count(o => o == 5),
                scores.Count(s => s is { NotAssessed: true }),
                scores.Count(s => s is null)));
    }

    private static Score? Latest(Turn turn) => turn.Scores.MaxBy(s => s.Version);
}
