using System.ComponentModel.DataAnnotations;

namespace InterviewRoom.Server.Rooms;

/// <summary>The "Rooms" configuration section.</summary>
internal sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>How long a join code admits new people after the room is created.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan JoinCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Join attempts one client address may make per minute, right or wrong.</summary>
    [Range(1, 100_000)]
    public int JoinAttemptsPerMinute { get; set; } = 30;

    /// <summary>Where people reach this server, for the links it hands out; the request's own host when unset.</summary>
    public string? PublicBaseUrl { get; set; }
}
