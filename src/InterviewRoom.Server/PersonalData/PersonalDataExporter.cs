using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.PersonalData;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.PersonalData;

/// <summary>
/// Everything stored about one person: their name, every seat, when their connections opened, every question asked
/// to them with their answer, and every version of every score given to it (ratings, red flags, notes, rubric
/// version, who scored). A person exporting their own data while the room is still open gets no scores for an answer
/// the interviewer has not revealed: scores reach a candidate on reveal or when the room ends (the report's rule), and
/// an export is no way around it.
/// </summary>
internal sealed class PersonalDataExporter(InterviewRoomDb db, TimeProvider time)
{
    public Task<PersonalDataExport> SeatAsync(SeatSubject subject, CancellationToken cancellationToken) =>
        BuildAsync(
            new PersonalDataSubject("seat", subject.Seat.Id, subject.Seat.Name, subject.Room.ClassId, Instants.Utc(subject.Seat.JoinedAt)),
            db.Participants.Where(p => p.Id == subject.Seat.Id),
            subject.Self,
            cancellationToken);

    public Task<PersonalDataExport> StudentAsync(StudentSubject subject, CancellationToken cancellationToken)
    {
        var student = subject.Student;
        return BuildAsync(
            new PersonalDataSubject("student", student.Id, student.Name, student.ClassId, Instants.Utc(student.JoinedAt)),
            db.Participants.Where(p => p.PrincipalId == student.Id && p.Room!.ClassId == student.ClassId),
            subject.Self,
            cancellationToken);
    }

    private async Task<PersonalDataExport> BuildAsync(
        PersonalDataSubject subject, IQueryable<Participant> seatQuery, bool self, CancellationToken cancellationToken)
    {
        var seats = await seatQuery.AsNoTracking().Include(p => p.Room).OrderBy(p => p.JoinedAt).ToListAsync(cancellationToken);
        var seatIds = seats.Select(s => s.Id).ToList();
        var connections = await db.LiveConnections.AsNoTracking().Where(c => seatIds.Contains(c.PrincipalId))
            .Select(c => new { c.PrincipalId, c.ConnectedAt }).ToListAsync(cancellationToken);
        var turns = await db.Turns.AsNoTracking()
            .Include(t => t.Question)
            .Include(t => t.Scores).ThenInclude(s => s.Rubric)
            .Where(t => t.CandidateId != null && seatIds.Contains(t.CandidateId.Value))
            .OrderBy(t => t.AskedAt)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var scorerIds = turns.SelectMany(t => t.Scores).Select(s => s.ScoredBy).Distinct().ToList();
        var scorers = await db.Participants.AsNoTracking().Where(p => scorerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, p => p.Name, cancellationToken);
        var rooms = seats.ToDictionary(s => s.Id, s => s.Room!);

        return new PersonalDataExport(
            time.GetUtcNow(),
            subject,
            [.. seats.Select(s => new PersonalDataSeat(
                s.Id, s.RoomId, s.Room!.Code, s.Room.Title, s.Role, s.Name, Instants.Utc(s.JoinedAt), Instants.Utc(s.RemovedAt),
                Instants.Utc(s.Room.EndedAt),
                [.. connections.Where(c => c.PrincipalId == s.Id).Select(c => Instants.Utc(c.ConnectedAt)).Order()]))],
            [.. turns.Select(t => AnswerOf(t, withholdScores: self && rooms[t.CandidateId!.Value].EndedAt is null && t.RevealedAt is null, scorers))]);
    }

    private static PersonalDataAnswer AnswerOf(Turn turn, bool withholdScores, Dictionary<Guid, string> scorers) => new(
        turn.Id,
        turn.RoomId,
        turn.CandidateId!.Value,
        turn.Round,
        turn.QuestionId,
        turn.Question!.Number,
        turn.Question.Text,
        turn.TimeLimitSeconds,
        TurnClock.StatusOf(turn),
        Instants.Utc(turn.AskedAt),
        Instants.Utc(turn.DeliveredAt),
        Instants.Utc(turn.Deadline),
        Instants.Utc(turn.SubmittedAt),
        Instants.Utc(turn.TimeUpAt),
        Instants.Utc(turn.ClosedAt),
        TurnClock.ResponseTimeMs(turn),
        TurnClock.IsLate(turn),
        turn.AnswerText,
        withholdScores ? null : [.. turn.Scores.OrderBy(s => s.Version).Select(s => ScoreOf(s, scorers))]);

    private static PersonalDataScore ScoreOf(Score score, Dictionary<Guid, string> scorers) => new(
        score.Version,
        score.Overall,
        score.SuggestedOverall,
        score.NotAssessed,
        [.. score.Ratings],
        [.. score.RedFlags],
        score.Notes,
        score.Rubric!.Version,
        Instants.Utc(score.ScoredAt),
        scorers.GetValueOrDefault(score.ScoredBy));
}
