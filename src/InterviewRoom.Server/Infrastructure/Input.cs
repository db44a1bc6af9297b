namespace InterviewRoom.Server.Infrastructure;

/// <summary>Limits and checks on what people send, the same for every feature's endpoints and hubs.</summary>
internal static class Input
{
    /// <summary>A person's name: an interviewer, a candidate, a student, an instructor, someone in the queue.</summary>
    public const int MaxNameLength = 80;

    /// <summary>A room's or a class's title.</summary>
    public const int MaxTitleLength = 120;

    public const int MaxRequestIdLength = 64;

    /// <summary>The text trimmed, null when empty or missing; longer than <paramref name="maxLength"/> is refused, naming <paramref name="field"/>.</summary>
    public static string? OptionalText(string? value, string field, int maxLength)
    {
        var trimmed = value?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        return trimmed.Length <= maxLength
            ? trimmed
            : throw RoomRuleException.Invalid($"{field} is longer than {maxLength} characters.");
    }

    /// <summary>A write's client request id (a retry with the same id lands once): required, trimmed, 1 to 64 characters.</summary>
    public static string RequestId(string? clientRequestId)
    {
        var id = clientRequestId?.Trim();
        if (string.IsNullOrEmpty(id) || id.Length > MaxRequestIdLength)
        {
            throw RoomRuleException.Invalid($"clientRequestId is required (1 to {MaxRequestIdLength} characters).");
        }

        return id;
    }
}
