using System.Linq.Expressions;
using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>
/// What stays of a person whose data was deleted (on request or by retention): a placeholder name, and for a class
/// student a token hash no token can hash to (the column is required and unique; an SHA-256 hex never has a colon),
/// which both revokes the token and marks the row as erased without a schema change (ADR 0019).
/// </summary>
internal static class Erased
{
    public const string StudentName = "Deleted student";

    /// <summary>Starts every erased token hash; a query finds erased students with <c>TokenHash.StartsWith(TokenPrefix)</c>.</summary>
    public const string TokenPrefix = "erased:";

    public const string CandidateName = "Deleted candidate";
    public const string InterviewerName = "Deleted interviewer";
    public const string ObserverName = "Deleted observer";

    /// <summary>An erased seat's name, by its role (as one expression, so an UPDATE can set it for many seats).</summary>
    public static readonly Expression<Func<Participant, string>> SeatName = p =>
        p.Role == ParticipantRole.Interviewer ? InterviewerName : p.Role == ParticipantRole.Observer ? ObserverName : CandidateName;

    public static string NameOf(ParticipantRole role) => SeatNameOf(new Participant { Role = role, Name = "", JoinedAt = default });

    private static readonly Func<Participant, string> SeatNameOf = SeatName.Compile();

    /// <summary>A class student whose data was deleted.</summary>
    public static bool IsStudent(ClassStudent student) => student.TokenHash.StartsWith(TokenPrefix, StringComparison.Ordinal);

    public static string TokenHash(Guid id) => $"{TokenPrefix}{id:N}";
}
