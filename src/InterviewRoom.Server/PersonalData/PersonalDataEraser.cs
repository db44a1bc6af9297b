using InterviewRoom.Contracts.Interview;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Classes;
using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Interview;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.PersonalData;

/// <summary>
/// Deletes one person's data on request (ADR 0019): in one transaction, then the people concerned are told. Allowed
/// while the room is open: the seat is taken out of the room (its connections' next call is refused, the page hears
/// <c>SeatMoved</c> to no room, the others <c>ParticipantLeft</c>), and the interviewer goes on with the room.
/// Running it again changes nothing and answers the same.
/// </summary>
internal sealed partial class PersonalDataEraser(
    InterviewRoomDb db, TimeProvider time, RoomNotifier roomNotifier, ClassNotifier classNotifier, ILogger<PersonalDataEraser> logger)
{
    public async Task SeatAsync(SeatSubject subject, CancellationToken cancellationToken)
    {
        if (subject.Seat.Role == ParticipantRole.Interviewer && subject.Seat.RemovedAt is null)
        {
            throw RoomRuleException.Conflict(
                "This is the room's interviewer seat, which holds the room; only candidates' and observers' data can be deleted while they sit in it.");
        }

        await EraseAsync([subject.Seat], student: null, cancellationToken);
    }

    /// <summary>The student's every seat in the class's rooms, their name and their class token.</summary>
    public async Task StudentAsync(StudentSubject subject, CancellationToken cancellationToken)
    {
        var student = subject.Student;
        var seats = await db.Participants.AsNoTracking()
            .Where(p => p.PrincipalId == student.Id && p.Room!.ClassId == student.ClassId)
            .ToListAsync(cancellationToken);
        await EraseAsync(seats, student, cancellationToken);
    }

    private async Task EraseAsync(IReadOnlyList<Participant> seats, ClassStudent? student, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            if (student is not null)
            {
                await EraseStudentAsync(student, [.. seats.Select(s => s.RoomId).Distinct()], cancellationToken);
            }

            // Also bumps each room's version, the titles' change included.
            foreach (var room in seats.GroupBy(s => s.RoomId))
            {
                await Erasure.SeatsAsync(db, room.Key, [.. room.Select(s => s.Id)], now, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        foreach (var seat in seats.Where(s => s.RemovedAt is null))
        {
            await roomNotifier.SeatMoved(seat.Id, new SeatMovedEvent(seat.RoomId, null, null, null));
            await roomNotifier.ParticipantLeft(seat.RoomId, new ParticipantView(seat.Id, Erased.NameOf(seat.Role), seat.Role, Online: false));
            LogSeatErased(seat.RoomId, seat.Id);
        }

        if (student is not null)
        {
            LogStudentErased(student.ClassId, student.Id);
            await classNotifier.ClassChanged(student.ClassId);
        }
    }

    /// <summary>The name goes, from the student row and from the titles of their rooms (a panel's title names its candidate).</summary>
    private async Task EraseStudentAsync(ClassStudent student, List<Guid> roomIds, CancellationToken cancellationToken)
    {
        if (Erased.IsStudent(student))
        {
            return; // already erased: its name is the placeholder, which must not be replaced in titles again
        }

        await db.Rooms.Where(r => roomIds.Contains(r.Id) && r.Title != null && r.Title.Contains(student.Name))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.Title, r => r.Title!.Replace(student.Name, Erased.StudentName)), cancellationToken);
        await db.ClassStudents.Where(s => s.Id == student.Id).ExecuteUpdateAsync(set => set
            .SetProperty(s => s.Name, Erased.StudentName)
            .SetProperty(s => s.TokenHash, Erased.TokenHash(student.Id)), cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data of seat {ParticipantId} in room {RoomId} deleted")]
    private partial void LogSeatErased(Guid roomId, Guid participantId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Personal data of student {StudentId} of class {ClassId} deleted")]
    private partial void LogStudentErased(Guid classId, Guid studentId);
}
