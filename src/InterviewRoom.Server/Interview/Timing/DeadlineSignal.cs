using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Interview.Timing;

/// <summary>
/// Wakes the deadline watcher early, but only for a deadline before the watcher's next planned look: most
/// deadlines lie beyond it, and waking for them would cost a check per question asked for nothing.
/// </summary>
internal sealed class DeadlineSignal : WakeSignal
{
    private long plannedTicks = DateTime.MaxValue.Ticks;

    /// <summary>Set by the watcher before it sleeps: when it will look again on its own.</summary>
    public DateTime Planned
    {
        get => new(Interlocked.Read(ref plannedTicks), DateTimeKind.Utc);
        set => Interlocked.Exchange(ref plannedTicks, value.Ticks);
    }

    public void WakeFor(DateTime deadline)
    {
        if (deadline < Planned)
        {
            Wake();
        }
    }
}
