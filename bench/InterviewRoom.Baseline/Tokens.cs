namespace InterviewRoom.Baseline;

/// <summary>Who a connection is: "i." (interviewer) or "c." (candidate) and a room id, or "k." and a class id.</summary>
internal sealed record Seat(char Kind, Guid Id)
{
    public static string Interviewer(Guid roomId) => $"i.{roomId:N}";

    public static string Candidate(Guid roomId) => $"c.{roomId:N}";

    public static string Instructor(Guid classId) => $"k.{classId:N}";

    /// <summary>From <c>Authorization: Bearer</c> (the .NET client) or <c>?access_token=</c> (browsers).</summary>
    public static Seat? Of(HttpContext? http)
    {
        if (http is null)
        {
            return null;
        }

        var header = http.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : http.Request.Query["access_token"].ToString();
        return token.Length > 2 && token[1] == '.' && Guid.TryParseExact(token[2..], "N", out var id) ? new Seat(token[0], id) : null;
    }
}
