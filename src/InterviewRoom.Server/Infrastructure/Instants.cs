namespace InterviewRoom.Server.Infrastructure;

/// <summary>The database keeps instants as UTC <see cref="DateTime"/>s and reads them back unspecified; messages carry them with their offset.</summary>
internal static class Instants
{
    public static DateTimeOffset Utc(DateTime instant) => new(DateTime.SpecifyKind(instant, DateTimeKind.Utc));

    public static DateTimeOffset? Utc(DateTime? instant) => instant is { } value ? Utc(value) : null;
}
