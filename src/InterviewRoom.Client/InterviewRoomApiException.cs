using System.Net;
using System.Net.Http.Json;

namespace InterviewRoom.Client;

/// <summary>
/// The problem details (RFC 9457) the server answers an error with. <see cref="Code"/> is the stable error code
/// (docs/protocol.md, "Error codes"): branch on it, never on <see cref="Detail"/>'s wording.
/// </summary>
public sealed record ApiProblem(string? Type, string? Title, int? Status, string? Detail, string? Code = null)
{
    public static async Task<ApiProblem?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            return await response.Content.ReadFromJsonAsync<ApiProblem>(InterviewRoomApi.Json, cancellationToken);
        }
        catch (Exception exception) when (exception is System.Text.Json.JsonException or NotSupportedException)
        {
            return null;
        }
    }
}

public sealed class InterviewRoomApiException(HttpStatusCode status, ApiProblem? problem, TimeSpan? retryAfter = null)
    : Exception($"{(int)status} {problem?.Title}: {problem?.Detail}")
{
    public HttpStatusCode Status { get; } = status;

    public ApiProblem? Problem { get; } = problem;

    /// <summary>With a 429: how long the server asks to wait before the next attempt (its <c>Retry-After</c>).</summary>
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
