using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Interview.Timing;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// The class as the dashboard and the lobby see it. Rooms are loaded in two queries whatever their number.
/// Students never see the rooms (they carry scores); they see their own seat.
/// </summary>
internal sealed class ClassViews(Presence presence, TimeProvider time)
{
    public async Task<ClassState> StateAsync(InterviewRoomDb db, ClassCaller caller, CancellationToken cancellationToken)
    {
        var session = await db.Classes.AsNoTracking().Include(c => c.Students.Where(s => !s.TokenHash.StartsWith(Erased.TokenPrefix)))
            .SingleOrDefaultAsync(c => c.Id == caller.ClassId, cancellationToken)
            ?? throw RoomRuleException.NotFound("There is no such class.");

        var numbers = session.Questions.Select(q => q.QuestionId).ToList();
        var bank = await db.Questions.AsNoTracking().Where(q => numbers.Contains(q.Id))
            .ToDictionaryAsync(q => q.Id, q => new { q.Number, q.Text }, cancellationToken);
        var seats = await CurrentSeatsAsync(db, session.Id, cancellationToken);
        var rooms = caller.IsInstructor
            ? await RoomsAsync(db, db.Rooms.Where(r => r.ClassId == session.Id && (r.EndedAt == null || r.EndedAt == session.EndedAt)), cancellationToken)
            : [];
        var yourSeat = seats.GetValueOrDefault(caller.PrincipalId);

        return new ClassState(
            session.Id,
            session.Name,
            session.Code,
            session.InstructorName,
            Instants.Utc(session.CreatedAt),
            Instants.Utc(session.EndedAt),
            session.Mode,
            session.Round,
            [.. session.Questions.Where(q => bank.ContainsKey(q.QuestionId)).Select(q =>
                new ClassQuestionView(q.QuestionId, bank[q.QuestionId].Number, bank[q.QuestionId].Text, q.TimeLimitSeconds))],
            await StudentViewsAsync(db, session.Id, session.Students, seats, cancellationToken),
            rooms,
            new ClassYou(caller.IsInstructor, caller.StudentId, caller.IsInstructor ? session.InstructorName : caller.Name, yourSeat is null ? null : SeatOf(yourSeat)),
            time.GetUtcNow());
    }

    /// <summary>
    /// The students of <paramref name="principalIds"/> (seat principals: ids that are not a student, such as the
    /// instructor's, are left out), or every student of the class when it is null: for <c>StudentsChanged</c>.
    /// </summary>
    public async Task<List<ClassStudentView>> StudentsAsync(
        InterviewRoomDb db, Guid classId, IReadOnlyCollection<Guid>? principalIds, CancellationToken cancellationToken)
    {
        var which = db.ClassStudents.AsNoTracking().Where(s => s.ClassId == classId && !s.TokenHash.StartsWith(Erased.TokenPrefix));
        if (principalIds is not null)
        {
            which = which.Where(s => principalIds.Contains(s.Id));
        }

        var students = await which.ToListAsync(cancellationToken);
        return students.Count == 0
            ? []
            : await StudentViewsAsync(db, classId, students, await CurrentSeatsAsync(db, classId, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Students as the dashboard's list and the lobby show them, in joining order: online in the lobby (on the
    /// class hub) or in their seat (on the interview hub), where they sit, and what they asked and answered.
    /// </summary>
    private async Task<List<ClassStudentView>> StudentViewsAsync(
        InterviewRoomDb db, Guid classId, IReadOnlyCollection<ClassStudent> students, Dictionary<Guid, Participant> seats,
        CancellationToken cancellationToken)
    {
        var ids = students.Select(s => s.Id).ToList();
        var counts = await db.Turns.AsNoTracking()
            .Where(t => t.Room!.ClassId == classId && (ids.Contains(t.Candidate!.PrincipalId!.Value) || ids.Contains(t.Interviewer!.PrincipalId!.Value)))
            .Select(t => new { Candidate = t.Candidate!.PrincipalId, Interviewer = t.Interviewer!.PrincipalId, Answered = t.SubmittedAt != null })
            .ToListAsync(cancellationToken);
        var theirSeats = students.Select(s => seats.GetValueOrDefault(s.Id)).OfType<Participant>().ToList();
        var online = await presence.OnlineAsync(db, [.. ids, .. theirSeats.Select(s => s.Id)], cancellationToken);
        return [.. students.OrderBy(s => s.JoinedAt).Select(s =>
        {
            var seat = seats.GetValueOrDefault(s.Id);
            return new ClassStudentView(
                s.Id,
                s.Name,
                online.Contains(s.Id) || (seat is not null && online.Contains(seat.Id)),
                seat?.RoomId,
                seat?.Role,
                counts.Count(c => c.Interviewer == s.Id),
                counts.Count(c => c.Candidate == s.Id && c.Answered));
        })];
    }

    /// <summary>Each person's seat in an open room of the class, by principal (student id, or class id for the instructor).</summary>
    public static async Task<Dictionary<Guid, Participant>> CurrentSeatsAsync(InterviewRoomDb db, Guid classId, CancellationToken cancellationToken)
    {
        var seats = await db.Participants.AsNoTracking().Include(p => p.Room)
            .Where(p => p.Room!.ClassId == classId && p.Room.EndedAt == null && p.RemovedAt == null && p.PrincipalId != null)
            .ToListAsync(cancellationToken);
        return seats.GroupBy(p => p.PrincipalId!.Value).ToDictionary(g => g.Key, g => g.MaxBy(p => p.JoinedAt)!);
    }

    public static ClassSeat SeatOf(Participant seat) =>
        new(seat.RoomId, seat.Room!.Code, seat.Id, seat.Role, Links.SeatPage(seat.Room, seat.Role));

    public async Task<ClassRoomView> RoomAsync(InterviewRoomDb db, Guid roomId, CancellationToken cancellationToken) =>
        (await RoomsAsync(db, db.Rooms.Where(r => r.Id == roomId), cancellationToken)).Single();

    private async Task<List<ClassRoomView>> RoomsAsync(InterviewRoomDb db, IQueryable<Room> which, CancellationToken cancellationToken)
    {
        var rooms = await which.AsNoTracking().Include(r => r.Participants).OrderBy(r => r.CreatedAt).ToListAsync(cancellationToken);
        var ids = rooms.Select(r => r.Id).ToList();
        var online = await presence.OnlineAsync(db, rooms.SelectMany(r => r.Participants).Where(p => p.RemovedAt == null).Select(p => p.Id), cancellationToken);
        var turns = (await db.Turns.AsNoTracking().WithDetails().Where(t => ids.Contains(t.RoomId)).ToListAsync(cancellationToken))
            .ToLookup(t => t.RoomId);
        return [.. rooms.Select(room => ViewOf(room, room.Participants, [.. turns[room.Id].OrderBy(t => t.Ordinal)], online))];
    }

    /// <summary>Rooms' cards from the rooms as a server instance holds them in memory: one presence query for all.</summary>
    public async Task<List<ClassRoomView>> RoomsAsync(InterviewRoomDb db, IReadOnlyList<LiveRoom> rooms, CancellationToken cancellationToken)
    {
        var online = await presence.OnlineAsync(db, rooms.SelectMany(r => r.Present).Select(p => p.Id), cancellationToken);
        return [.. rooms.Select(room => ViewOf(room.Room, room.Seats, room.Turns, online))];
    }

    private static ClassRoomView ViewOf(Room room, IReadOnlyList<Participant> seats, List<Turn> turns, HashSet<Guid> online)
    {
        var names = seats.ToDictionary(p => p.Id, p => p.Name);
        var views = turns.Select(t => TurnOf(t, names)).ToList();
        var current = turns.LastOrDefault();
        return new ClassRoomView(
            room.Id,
            room.Code,
            room.Round,
            PhaseOf(room, current),
            Instants.Utc(room.EndedAt),
            [.. seats.Where(p => p.RemovedAt == null).OrderBy(p => p.JoinedAt).Select(p => Presence.ViewOf(p, online.Contains(p.Id)))],
            current is not null && TurnClock.IsOpen(current) ? views[^1] : null,
            views);
    }

    private static ClassTurnView TurnOf(Turn turn, Dictionary<Guid, string> names)
    {
        var score = turn.Scores.MaxBy(s => s.Version);
        return new ClassTurnView(
            turn.Id,
            turn.Ordinal,
            turn.QuestionId,
            turn.Question!.Text,
            TurnClock.StatusOf(turn),
            Instants.Utc(turn.AskedAt),
            Instants.Utc(turn.Deadline),
            TurnClock.ResponseTimeMs(turn),
            TurnClock.IsLate(turn),
            turn.CandidateId,
            turn.CandidateId is { } id ? names.GetValueOrDefault(id) : null,
            score?.Overall,
            score?.NotAssessed ?? false);
    }

    public static RoomPhase PhaseOf(Room room, Turn? latest)
    {
        if (room.EndedAt is not null)
        {
            return RoomPhase.Ended;
        }

        return latest is null ? RoomPhase.Waiting : TurnClock.StatusOf(latest) switch
        {
            TurnStatus.Asked => RoomPhase.Asked,
            TurnStatus.Answering => RoomPhase.Answering,
            TurnStatus.Submitted or TurnStatus.TimeUp when latest.Scores.Count > 0 => RoomPhase.Scored,
            TurnStatus.Submitted => RoomPhase.Submitted,
            TurnStatus.TimeUp => RoomPhase.TimeUp,
            _ => RoomPhase.Waiting,
        };
    }
}
