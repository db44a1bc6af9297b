using System.Security.Claims;
using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Classes;

/// <summary>Who is calling the class hub: the class's instructor, or one of its students.</summary>
internal sealed record ClassCaller(Guid ClassId, Guid? StudentId, string Name)
{
    public bool IsInstructor => StudentId is null;

    /// <summary>The id the person's class seats carry: the student's id, or the class id for the instructor.</summary>
    public Guid PrincipalId => StudentId ?? ClassId;

    public static ClassCaller From(ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.ClassIdClaim), out var classId)
            ? new ClassCaller(
                classId,
                Guid.TryParse(user.FindFirstValue(RoomTokenAuthentication.StudentIdClaim), out var studentId) ? studentId : null,
                user.FindFirstValue(RoomTokenAuthentication.PersonNameClaim) ?? "")
            : throw RoomRuleException.Forbidden("A class token (instructor or student) is required.");

    public ClassCaller EnsureInstructor(string action) =>
        IsInstructor ? this : throw RoomRuleException.Forbidden($"Only the instructor can {action}.");
}

/// <summary>The class hub's groups: everyone in a class, its instructor, and each person (for their own seat).</summary>
internal static class ClassGroups
{
    public static string Everyone(Guid classId) => $"class:{classId:N}";

    public static string Instructor(Guid classId) => $"class:{classId:N}:instructor";

    public static string Person(Guid principalId) => $"class-person:{principalId:N}";
}
