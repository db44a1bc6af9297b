using System.Collections.Concurrent;
using Serilog.Core;
using Serilog.Events;

namespace InterviewRoom.IntegrationTests.Support;

/// <summary>Every log event the server writes, rendered as a sink would write it (message and properties).</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<LogEvent> events = new();

    public IReadOnlyList<LogEvent> Events => [.. events];

    public void Emit(LogEvent logEvent) => events.Enqueue(logEvent);

    /// <summary>Each event as one line: level, message, every property, exception.</summary>
    public IReadOnlyList<string> Lines() =>
    [
        .. events.Select(e =>
            $"{e.Level} {e.RenderMessage()} {string.Join(' ', e.Properties.Select(p => $"{p.Key}={p.Value}"))} {e.Exception}"),
    ];
}
