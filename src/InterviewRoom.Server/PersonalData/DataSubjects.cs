using System.Security.Claims;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data;
using InterviewRoom.Data.Entities;
using InterviewRoom.Server.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace InterviewRoom.Server.PersonalData;

/// <summary>Whose data a request is about, and whether it is the caller's own (which decides what an export withholds).</summary>
internal sealed record SeatSubject(Participant Seat, Room Room, bool Self);

internal sealed record StudentSubject(ClassStudent Student, bool Self);

/// <summary>
/// Who may export or delete whose data, decided from the caller's token alone:
/// <list type="bullet">
/// <item>a seat: the person themselves; the room's interviewer for the other seats of a room outside a class; the
/// class's instructor for any seat of a class room (students interviewing each other in pairs do not get each
/// other's data);</item>
/// <item>a class student: the student themselves, or the class's instructor.</item>
/// </list>
/// A token of another room or class learns nothing: the answer is the same 404 as for one that does not exist.
/// </summary>
internal sealed class DataSubjects(InterviewRoomDb db)
{
    public const string NoSuchSeat = "No such person in that room with this token.";
    public const string NoSuchStudent = "No such student in that class with this token.";

    public async Task<SeatSubject> SeatAsync(ClaimsPrincipal user, Guid roomId, Guid participantId, CancellationToken cancellationToken)
    {
        var caller = Caller.TryFrom(user);
        var instructorOf = InstructorClassOf(user);
        var room = await db.Rooms.AsNoTracking().Include(r => r.Participants)
            .SingleOrDefaultAsync(r => r.Id == roomId, cancellationToken)
            ?? throw RoomRuleException.NotFound(NoSuchSeat);
        var callerSeat = caller?.RoomId == roomId
            ? room.Participants.SingleOrDefault(p => p.Id == caller.ParticipantId && p.RemovedAt == null)
            : null;
        var isInstructor = room.ClassId is { } classId && classId == instructorOf;
        if (callerSeat is null && !isInstructor)
        {
            throw RoomRuleException.NotFound(NoSuchSeat);
        }

        var seat = room.Participants.SingleOrDefault(p => p.Id == participantId)
            ?? throw RoomRuleException.NotFound(NoSuchSeat);
        var self = callerSeat?.Id == seat.Id;
        var interviewerOfPlainRoom = callerSeat?.Role == ParticipantRole.Interviewer && room.ClassId is null;
        return self || isInstructor || interviewerOfPlainRoom
            ? new SeatSubject(seat, room, self)
            : throw RoomRuleException.Forbidden(room.ClassId is null
                ? "Only the room's interviewer, or the person themselves, can see or delete this person's data."
                : "In a class room only the instructor, or the person themselves, can see or delete this person's data.");
    }

    public async Task<StudentSubject> StudentAsync(ClaimsPrincipal user, Guid classId, Guid studentId, CancellationToken cancellationToken)
    {
        var classClaim = Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.ClassIdClaim), out var id) ? id : (Guid?)null;
        if (classClaim != classId)
        {
            throw RoomRuleException.NotFound(NoSuchStudent);
        }

        var self = user.FindFirstValue(RoomTokenAuthentication.StudentIdClaim) == studentId.ToString();
        if (!self && InstructorClassOf(user) != classId)
        {
            throw RoomRuleException.Forbidden("Only the instructor, or the student themselves, can see or delete a student's data.");
        }

        var student = await db.ClassStudents.AsNoTracking()
            .SingleOrDefaultAsync(s => s.Id == studentId && s.ClassId == classId, cancellationToken)
            ?? throw RoomRuleException.NotFound(NoSuchStudent);
        return new StudentSubject(student, self);
    }

    /// <summary>The class whose instructor token this is, if it is one.</summary>
    private static Guid? InstructorClassOf(ClaimsPrincipal user) =>
        user.HasClaim(RoomTokenAuthentication.InstructorClaim, "true")
        && Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.ClassIdClaim), out var classId)
            ? classId
            : null;
}
