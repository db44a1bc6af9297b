using InterviewRoom.Contracts.Rooms;
using InterviewRoom.Data.Entities;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>The links the server hands out; Web/Pages.cs maps each onto its page.</summary>
internal static class Links
{
    /// <summary>Where people reach this server: <paramref name="publicBaseUrl"/> when configured, else the request's own scheme, host and base path; no trailing slash.</summary>
    public static string BaseUrl(HttpContext http, string? publicBaseUrl) =>
        (publicBaseUrl ?? $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}").TrimEnd('/');

    /// <summary>
    /// The observer link: the candidate link with the room's observer key in the fragment, which browsers never send
    /// to a server, so the key stays out of request logs and referrers; the page posts it with the join.
    /// </summary>
    public static string ObserverJoinUrl(string candidateJoinUrl, string observerKey) =>
        $"{candidateJoinUrl}#observer={Uri.EscapeDataString(observerKey)}";

    /// <summary>The page a seat opens: the interviewer's room page, or the candidate and observer page.</summary>
    public static string SeatPage(Room room, ParticipantRole role) =>
        role == ParticipantRole.Interviewer ? $"/room/{room.Id}" : $"/join/{room.Code}";
}
