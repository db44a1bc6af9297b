using InterviewRoom.Server.Infrastructure;

namespace InterviewRoom.Server.Interview.Timing;

/// <summary>Wakes the deadline watcher early when a new deadline is set.</summary>
internal sealed class DeadlineSignal : WakeSignal;
