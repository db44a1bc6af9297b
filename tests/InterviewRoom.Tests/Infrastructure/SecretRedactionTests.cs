using InterviewRoom.Server.Infrastructure;
using Serilog.Events;
using Serilog.Parsing;

namespace InterviewRoom.Tests.Infrastructure;

public sealed class SecretRedactionTests
{
    [Theory]
    [InlineData("GET /hubs/interview?id=abc&access_token=s3cr3t-T0ken_x", "GET /hubs/interview?id=abc&access_token=[redacted]")]
    [InlineData("/hubs/interview?access%5Ftoken=s3cr3t-T0ken_x", "/hubs/interview?access%5Ftoken=[redacted]")]
    [InlineData("?id=1&ACCESS%5fTOK%45N=s3cr3t-T0ken_x&x=2", "?id=1&ACCESS%5fTOK%45N=[redacted]&x=2")]
    [InlineData("?%61ccess_token=s3cr3t-T0ken_x", "?%61ccess_token=[redacted]")]
    [InlineData("Authorization: Bearer s3cr3t-T0ken_x", "Authorization: Bearer [redacted]")]
    [InlineData("nothing secret here", "nothing secret here")]
    public void Enrich_ReplacesTokensInEveryStringProperty(string value, string expected)
    {
        var logEvent = new LogEvent(DateTimeOffset.UtcNow, LogEventLevel.Information, null,
            new MessageTemplateParser().Parse("Request {Url}"), [new LogEventProperty("Url", new ScalarValue(value))]);

        new SecretRedaction().Enrich(logEvent, null!);

        Assert.Equal($"Request \"{expected}\"", logEvent.RenderMessage());
    }
}
