using System.ComponentModel.DataAnnotations;

namespace InterviewRoom.Server.Matchmaking;

/// <summary>The "Matchmaking" configuration section.</summary>
internal sealed class MatchmakingOptions
{
    public const string Section = "Matchmaking";

    /// <summary>How long a person waits for a compatible partner before the queue tells them none came.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue is re-checked without news: pairs missed by another instance, expiries.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(2);
}
