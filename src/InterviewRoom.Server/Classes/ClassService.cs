using InterviewRoom.Contracts.Classes;
using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using InterviewRoom.Server.Interview.State;
using InterviewRoom.Server.Rooms;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.Classes;

/// <summary>
/// The instructor's arrangements of the class: pairs with rotating roles, a panel, moving one student, the
/// question set and the end. Each commits, then tells the people whose seat changed and the dashboard.
/// </summary>
internal sealed partial class ClassService(
    InterviewRoomDb db, TimeProvider time, RoomFactory rooms, InterviewService interview, RoomNotifier roomNotifier,
    ClassNotifier notifier, ClassViews views, ILogger<ClassService> logger)
{
    public Task<ClassState> GetAsync(ClassCaller caller, CancellationToken cancellationToken) =>
        views.StateAsync(db, caller, cancellationToken);

    public async Task<ClassState> SetQuestionsAsync(ClassCaller caller, IReadOnlyList<ClassQuestionInput>? questions, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("change the question set");
        var set = await ClassQuestions.ValidateAsync(db, questions, cancellationToken);
        await OpenClassAsync(caller, cancellationToken);
        await db.Classes.Where(c => c.Id == caller.ClassId).ExecuteUpdateAsync(x => x.SetProperty(c => c.Questions, set), cancellationToken);
        return await ChangedAsync(caller, cancellationToken);
    }

    public async Task<ClassState> PairStudentsAsync(ClassCaller caller, OddStudent odd, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("pair students");
        var session = await OpenClassAsync(caller, cancellationToken);
        var plan = Rotation.Plan(await RotationStudentsAsync(session, cancellationToken), odd);
        var previous = await CloseArrangementAsync(session, cancellationToken);

        var names = session.Students.ToDictionary(s => s.Id, s => s.Name);
        var created = new List<Participant>();
        foreach (var pair in plan.Rooms)
        {
            var room = await rooms.AddRoomAsync($"{session.Name}: round {session.Round + 1}", session.Id, cancellationToken);
            created.Add(rooms.AddSeat(room, ParticipantRole.Interviewer, names[pair.Interviewer], pair.Interviewer).Seat);
            created.Add(rooms.AddSeat(room, ParticipantRole.Candidate, names[pair.Candidate], pair.Candidate).Seat);
            if (pair.Observer is { } observer)
            {
                created.Add(rooms.AddSeat(room, ParticipantRole.Observer, names[observer], observer).Seat);
            }
        }

        if (plan.InstructorsCandidate is { } partner)
        {
            var room = await rooms.AddRoomAsync($"{session.Name}: round {session.Round + 1} with {session.InstructorName}", session.Id, cancellationToken);
            created.Add(rooms.AddSeat(room, ParticipantRole.Interviewer, session.InstructorName, session.Id).Seat);
            created.Add(rooms.AddSeat(room, ParticipantRole.Candidate, names[partner], partner).Seat);
        }

        await SaveArrangementAsync(session.Id, ClassMode.Pairs, cancellationToken);
        LogArranged(session.Id, ClassMode.Pairs, created.Count);
        await TellSeatsAsync(session.Id, previous, created, cancellationToken);
        return await ChangedAsync(caller, cancellationToken);
    }

    public async Task<ClassState> StartPanelAsync(ClassCaller caller, Guid studentId, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("start a panel");
        var session = await OpenClassAsync(caller, cancellationToken);
        var candidate = session.Students.SingleOrDefault(s => s.Id == studentId)
            ?? throw RoomRuleException.NotFound("That student is not in this class.");
        var previous = await CloseArrangementAsync(session, cancellationToken);

        var room = await rooms.AddRoomAsync($"{session.Name}: panel with {candidate.Name}", session.Id, cancellationToken);
        var created = new List<Participant>
        {
            rooms.AddSeat(room, ParticipantRole.Interviewer, session.InstructorName, session.Id).Seat,
            rooms.AddSeat(room, ParticipantRole.Candidate, candidate.Name, candidate.Id).Seat,
        };
        created.AddRange(session.Students.Where(s => s.Id != studentId).OrderBy(s => s.JoinedAt)
            .Select(s => rooms.AddSeat(room, ParticipantRole.Observer, s.Name, s.Id).Seat));

        await SaveArrangementAsync(session.Id, ClassMode.Panel, cancellationToken);
        LogArranged(session.Id, ClassMode.Panel, created.Count);
        await TellSeatsAsync(session.Id, previous, created, cancellationToken);
        return await ChangedAsync(caller, cancellationToken);
    }

    /// <summary>Moves one student into an open room of the class (or back to the lobby when <paramref name="roomId"/> is null).</summary>
    public async Task<ClassState> MoveStudentAsync(
        ClassCaller caller, Guid studentId, Guid? roomId, ParticipantRole role, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("move a student");
        var session = await OpenClassAsync(caller, cancellationToken);
        var student = session.Students.SingleOrDefault(s => s.Id == studentId)
            ?? throw RoomRuleException.NotFound("That student is not in this class.");
        var target = roomId is null ? null
            : await db.Rooms.Include(r => r.Participants.Where(p => p.RemovedAt == null))
                .SingleOrDefaultAsync(r => r.Id == roomId && r.ClassId == session.Id && r.EndedAt == null, cancellationToken)
              ?? throw RoomRuleException.NotFound("That room is not an open room of this class.");
        if (target is not null && target.Participants.Any(p => p.Role == role && role != ParticipantRole.Observer && p.PrincipalId != studentId))
        {
            throw RoomRuleException.Conflict($"That room already has a{(role == ParticipantRole.Interviewer ? "n" : "")} {role.ToString().ToLowerInvariant()}; move them out first.");
        }

        var old = (await ClassViews.CurrentSeatsAsync(db, session.Id, cancellationToken)).GetValueOrDefault(studentId);
        var now = time.GetUtcNow().UtcDateTime;
        Participant? seat = null;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (old is not null)
            {
                await db.Participants.Where(p => p.Id == old.Id).ExecuteUpdateAsync(x => x.SetProperty(p => p.RemovedAt, now), cancellationToken);
                await RoomVersions.BumpAsync(db, old.RoomId, cancellationToken);
            }

            if (target is not null)
            {
                seat = rooms.AddSeat(target, role, student.Name, student.Id).Seat;
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                }
                catch (DbUpdateException)
                {
                    throw RoomRuleException.Conflict("That seat was taken a moment ago; try again.");
                }

                await RoomVersions.BumpAsync(db, target.Id, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        LogMoved(session.Id, studentId, roomId);
        await TellSeatsAsync(session.Id, old is null ? [] : [old], seat is null ? [] : [seat], cancellationToken);

        // The people already in those rooms see the student go and arrive.
        if (old is not null)
        {
            await roomNotifier.ParticipantLeft(old.RoomId, new ParticipantView(old.Id, old.Name, old.Role, Online: false));
        }

        if (seat is not null)
        {
            await roomNotifier.ParticipantJoined(seat.RoomId, new ParticipantView(seat.Id, seat.Name, seat.Role, Online: false));
        }
        return await ChangedAsync(caller, cancellationToken);
    }

    public async Task EndClassAsync(ClassCaller caller, CancellationToken cancellationToken)
    {
        caller.EnsureInstructor("end the class");
        var session = await OpenClassAsync(caller, cancellationToken);
        var now = time.GetUtcNow().UtcDateTime;
        var ended = await db.Classes.Where(c => c.Id == session.Id && c.EndedAt == null)
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.EndedAt, now), cancellationToken);
        if (ended == 0)
        {
            throw RoomRuleException.Conflict(ClassEndedMessage);
        }

        await interview.EndRoomsAsync(await OpenRoomsAsync(session.Id, cancellationToken), now, cancellationToken);

        LogEnded(session.Id);
        await notifier.ClassEnded(new ClassEndedEvent(session.Id, Instants.Utc(now)));
        await notifier.ClassChanged(session.Id);
    }

    public const string ClassEndedMessage = "This class has ended.";

    public async Task<ClassSession> OpenClassAsync(ClassCaller caller, CancellationToken cancellationToken)
    {
        // A student whose data was deleted is out of the class: never paired, moved or shown again.
        var session = await db.Classes.AsNoTracking().Include(c => c.Students.Where(s => !s.TokenHash.StartsWith(Erased.TokenPrefix)))
            .SingleOrDefaultAsync(c => c.Id == caller.ClassId, cancellationToken)
            ?? throw RoomRuleException.NotFound("There is no such class.");
        return session.EndedAt is null ? session : throw RoomRuleException.Conflict(ClassEndedMessage);
    }

    private async Task<List<RotationStudent>> RotationStudentsAsync(ClassSession session, CancellationToken cancellationToken)
    {
        var turns = await db.Turns.AsNoTracking().Where(t => t.Room!.ClassId == session.Id)
            .Select(t => new { Candidate = t.Candidate!.PrincipalId, Interviewer = t.Interviewer!.PrincipalId })
            .ToListAsync(cancellationToken);
        var seats = await db.Participants.AsNoTracking().Where(p => p.Room!.ClassId == session.Id && p.PrincipalId != null)
            .Select(p => new { p.RoomId, p.PrincipalId, p.Role, p.JoinedAt })
            .ToListAsync(cancellationToken);
        return [.. session.Students.OrderBy(s => s.JoinedAt).Select(s =>
        {
            var mine = seats.Where(x => x.PrincipalId == s.Id).ToList();
            var myRooms = mine.Select(x => x.RoomId).ToHashSet();
            return new RotationStudent(
                s.Id,
                turns.Count(t => t.Interviewer == s.Id),
                turns.Count(t => t.Candidate == s.Id),
                mine.MaxBy(x => x.JoinedAt)?.Role == ParticipantRole.Interviewer,
                seats.Where(x => myRooms.Contains(x.RoomId) && x.PrincipalId != s.Id).Select(x => x.PrincipalId!.Value).ToHashSet());
        })];
    }

    /// <summary>Ends the class's open rooms (their open questions close) and returns the seats people had in them.</summary>
    private async Task<List<Participant>> CloseArrangementAsync(ClassSession session, CancellationToken cancellationToken)
    {
        var seats = (await ClassViews.CurrentSeatsAsync(db, session.Id, cancellationToken)).Values.ToList();
        await interview.EndRoomsAsync(await OpenRoomsAsync(session.Id, cancellationToken), time.GetUtcNow().UtcDateTime, cancellationToken);

        return seats;
    }

    private Task<List<Guid>> OpenRoomsAsync(Guid classId, CancellationToken cancellationToken) =>
        db.Rooms.Where(r => r.ClassId == classId && r.EndedAt == null).OrderBy(r => r.CreatedAt).Select(r => r.Id).ToListAsync(cancellationToken);

    private async Task SaveArrangementAsync(Guid classId, ClassMode mode, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await db.Classes.Where(c => c.Id == classId)
            .ExecuteUpdateAsync(x => x.SetProperty(c => c.Mode, mode).SetProperty(c => c.Round, c => c.Round + 1), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// Everyone whose seat changed hears where they sit now: on the class hub and on their old room's page. (A new
    /// room has nobody connected yet, so there is no one to tell about its seats; the dashboard gets ClassChanged.)
    /// </summary>
    private async Task TellSeatsAsync(Guid classId, IReadOnlyList<Participant> previous, IReadOnlyList<Participant> created, CancellationToken cancellationToken)
    {
        var fresh = await db.Participants.AsNoTracking().Include(p => p.Room)
            .Where(p => created.Select(c => c.Id).Contains(p.Id)).ToListAsync(cancellationToken);
        var byPerson = fresh.ToDictionary(p => p.PrincipalId!.Value);
        foreach (var seat in fresh)
        {
            await notifier.Assigned(seat.PrincipalId!.Value, new AssignedEvent(classId, ClassViews.SeatOf(seat)));
        }

        foreach (var old in previous)
        {
            var now = byPerson.GetValueOrDefault(old.PrincipalId!.Value);
            await roomNotifier.SeatMoved(old.Id, new SeatMovedEvent(old.RoomId, now?.RoomId, now?.Room!.Code, now?.Role));
            if (now is null)
            {
                await notifier.Assigned(old.PrincipalId!.Value, new AssignedEvent(classId, null));
            }
        }
    }

    private async Task<ClassState> ChangedAsync(ClassCaller caller, CancellationToken cancellationToken)
    {
        await notifier.ClassChanged(caller.ClassId);
        return await views.StateAsync(db, caller, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId}: arranged as {Mode}, {Seats} seats")]
    private partial void LogArranged(Guid classId, ClassMode mode, int seats);

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId}: student {StudentId} moved to room {RoomId}")]
    private partial void LogMoved(Guid classId, Guid studentId, Guid? roomId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Class {ClassId} ended")]
    private partial void LogEnded(Guid classId);
}
