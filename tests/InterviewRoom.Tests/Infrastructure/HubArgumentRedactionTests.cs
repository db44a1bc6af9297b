using InterviewRoom.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR.Protocol;
using Serilog.Events;
using Serilog.Parsing;

namespace InterviewRoom.Tests.Infrastructure;

public sealed class HubArgumentRedactionTests
{
    private static readonly InvocationMessage Submit = new("7", "Submit", ["0193f1c2-0000-7000-8000-000000000001", "my secret answer", "req-1"]);

    [Fact]
    public void Enrich_AnInvocationKeptAsAnObject_KeepsItsTargetAndLosesItsArguments() =>
        Assert.Equal(
            "Received hub invocation: \"InvocationMessage { InvocationId: \\\"7\\\", Target: \\\"Submit\\\", Arguments: [not logged] }\".",
            Rendered(Submit));

    [Fact]
    public void Enrich_AnInvocationTurnedIntoText_LosesEverythingFromItsArguments()
    {
        var rendered = Rendered(Submit.ToString());

        Assert.Contains("Target: \\\"Submit\\\"", rendered);
        Assert.DoesNotContain("my secret answer", rendered);
        Assert.Contains("Arguments: [not logged]", rendered);
    }

    [Fact]
    public void Enrich_OtherProperties_AreLeftAlone() =>
        Assert.Equal("Received hub invocation: \"Unknown hub method 'Foo'\".", Rendered("Unknown hub method 'Foo'"));

    private static string Rendered(object value)
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Debug, null,
            new MessageTemplateParser().Parse("Received hub invocation: {InvocationMessage}."),
            [new LogEventProperty("InvocationMessage", new ScalarValue(value))]);
        new HubArgumentRedaction().Enrich(logEvent, null!);
        return logEvent.RenderMessage();
    }
}
