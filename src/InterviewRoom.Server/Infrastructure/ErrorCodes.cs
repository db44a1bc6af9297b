namespace InterviewRoom.Server.Infrastructure;

/// <summary>
/// The stable names of the mistakes a user can make, one list for HTTP (problem details' <c>code</c>) and the hubs
/// (<c>HubException</c> messages start with <c>[code] </c>). A code, once published in docs/protocol.md
/// ("Error codes"), keeps its meaning; the English beside it may be reworded at will.
/// </summary>
internal static class ErrorCodes
{
    /// <summary>Malformed or out-of-range input with no more specific code.</summary>
    public const string InvalidRequest = "invalid_request";

    /// <summary>The caller's role may not do this.</summary>
    public const string WrongRole = "wrong_role";

    /// <summary>No such thing, or not one the caller may see.</summary>
    public const string NotFound = "not_found";

    /// <summary>The state of the room (or class, or queue) does not allow this now.</summary>
    public const string NotNow = "not_now";

    /// <summary>Too many calls or attempts in a short time; retry later.</summary>
    public const string TooMany = "too_many";

    /// <summary>The HTTP request body could not be read as the expected JSON.</summary>
    public const string UnreadableBody = "unreadable_body";

    /// <summary>A fault on the server's side; nothing was changed.</summary>
    public const string ServerError = "server_error";

    /// <summary>The text a hub sends for a refusal: the code in brackets, then the words for people.</summary>
    public static string HubMessage(string code, string message) => $"[{code}] {message}";
}
