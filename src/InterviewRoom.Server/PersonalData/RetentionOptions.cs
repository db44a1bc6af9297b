using System.ComponentModel.DataAnnotations;

namespace InterviewRoom.Server.PersonalData;

/// <summary>The "Retention" configuration section: how long answers, scores and names of ended rooms are kept.</summary>
internal sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days after a room ended that its answers, scores and names are removed; 0 keeps them forever.</summary>
    [Range(0, 36_500)]
    public int EndedRoomDays { get; set; } = 90;

    /// <summary>How often the retention sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromHours(1);
}
