namespace InterviewRoom.Server.Infrastructure;

internal enum RuleViolation
{
    /// <summary>The input is malformed or out of range (400).</summary>
    Invalid,

    /// <summary>The caller's role may not do this (403).</summary>
    Forbidden,

    /// <summary>No such thing, or not in the caller's room (404).</summary>
    NotFound,

    /// <summary>The room's state does not allow it now (409).</summary>
    Conflict,

    /// <summary>Too many attempts (429).</summary>
    TooMany,
}

/// <summary>
/// A mistake a user can make (wrong role, wrong room, bad input, wrong moment). Its message is safe to show:
/// the HTTP exception handler turns it into problem details, the hub filter into a <c>HubException</c>.
/// </summary>
internal sealed class RoomRuleException(RuleViolation violation, string message) : Exception(message)
{
    public RuleViolation Violation { get; } = violation;

    public static RoomRuleException Invalid(string message) => new(RuleViolation.Invalid, message);

    public static RoomRuleException Forbidden(string message) => new(RuleViolation.Forbidden, message);

    public static RoomRuleException NotFound(string message) => new(RuleViolation.NotFound, message);

    public static RoomRuleException Conflict(string message) => new(RuleViolation.Conflict, message);
}
