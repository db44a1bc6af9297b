using System.ComponentModel.DataAnnotations;

namespace InterviewRoom.Server.Rooms;

/// <summary>The "Rooms" configuration section.</summary>
internal sealed class RoomOptions
{
    public const string Section = "Rooms";

    /// <summary>How long a join code admits new people after the room is created.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "30.00:00:00")]
    public TimeSpan JoinCodeLifetime { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Join attempts one client address may make per minute, right or wrong (rooms and classes together).</summary>
    [Range(1, 100_000)]
    public int JoinAttemptsPerMinute { get; set; } = 30;

    /// <summary>
    /// Join attempts one code may receive per minute from all addresses together, right or wrong. A class's students
    /// join on one code: above the class size if they all join in the same minute.
    /// </summary>
    [Range(1, 100_000)]
    public int JoinAttemptsPerCodePerMinute { get; set; } = 60;

    /// <summary>Rooms and classes one client address may create per minute.</summary>
    [Range(1, 100_000)]
    public int CreatesPerMinute { get; set; } = 10;

    /// <summary>Where people reach this server, for the links it hands out; the request's own host when unset.</summary>
    public string? PublicBaseUrl { get; set; }
}
