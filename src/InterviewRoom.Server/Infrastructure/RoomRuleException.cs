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
/// the HTTP exception handler turns it into problem details (with <see cref="Code"/> as the <c>code</c>
/// extension), the hub filter into a <c>HubException</c> whose message starts with <c>[code] </c>. Clients
/// branch on the code (stable, listed in docs/protocol.md "Error codes"), never on the wording.
/// </summary>
internal sealed class RoomRuleException(RuleViolation violation, string code, string message) : Exception(message)
{
    public RuleViolation Violation { get; } = violation;

    /// <summary>A stable lower_snake_case name of the mistake, from <see cref="ErrorCodes"/>.</summary>
    public string Code { get; } = code;

    public static RoomRuleException Invalid(string code, string message) => new(RuleViolation.Invalid, code, message);

    public static RoomRuleException Forbidden(string code, string message) => new(RuleViolation.Forbidden, code, message);

    public static RoomRuleException NotFound(string code, string message) => new(RuleViolation.NotFound, code, message);

    public static RoomRuleException Conflict(string code, string message) => new(RuleViolation.Conflict, code, message);

    public static RoomRuleException Invalid(string message) => Invalid(ErrorCodes.InvalidRequest, message);

    public static RoomRuleException Forbidden(string message) => Forbidden(ErrorCodes.WrongRole, message);

    public static RoomRuleException NotFound(string message) => NotFound(ErrorCodes.NotFound, message);

    public static RoomRuleException Conflict(string message) => Conflict(ErrorCodes.NotNow, message);
}
