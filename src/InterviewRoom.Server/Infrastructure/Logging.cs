using System.Text.RegularExpressions;
using Microsoft.AspNetCore.SignalR.Protocol;
using Serilog;
using Serilog.Core;
using Serilog.Events;

namespace InterviewRoom.Server.Infrastructure;

internal static partial class Logging
{
    /// <summary>
    /// Serilog from the "Serilog" section of appsettings, plus any sinks registered in DI (tests add one). Each host
    /// keeps its own logger (the static one is left alone), so two hosts in one process never share sinks.
    /// </summary>
    public static IServiceCollection AddAppLogging(this IServiceCollection services, IConfiguration configuration) =>
        services.AddSerilog(
            (sp, logger) => logger
                .ReadFrom.Configuration(configuration)
                .ReadFrom.Services(sp)
                .Enrich.FromLogContext()
                .Enrich.With<SecretRedaction>()
                .Enrich.With<HubArgumentRedaction>()
                .Filter.ByExcluding(IsRefusedHubCall),
            preserveStaticLogger: true);

    /// <summary>
    /// SignalR logs every exception a hub method throws as an error, the HubExceptions we raise on purpose for a
    /// user's mistake included. Those are logged once, at Information, by the hub filter; drop SignalR's copy. So
    /// are the frames the guarded protocol refuses (one line per interval from the connection watch, not an error
    /// with a stack trace per connection).
    /// </summary>
    private static bool IsRefusedHubCall(LogEvent logEvent) =>
        logEvent.Exception is Hubs.UnreadableFrameException
        || (logEvent.Exception is Microsoft.AspNetCore.SignalR.HubException
            && logEvent.Properties.TryGetValue("EventId", out var eventId)
            && eventId is StructureValue id
            && id.Properties.Any(p => p is { Name: "Name", Value: ScalarValue { Value: "FailedInvokingHubMethod" } }));

    /// <summary>
    /// The <c>access_token</c> query parameter in any spelling the server accepts: the query's keys are
    /// percent-decoded and matched without regard to case, so <c>access%5Ftoken</c> or <c>ACCESS_%54OKEN</c> is the
    /// same parameter (each character literal or percent-encoded, either case).
    /// </summary>
    [GeneratedRegex(@"((?:a|%41|%61)(?:c|%43|%63)(?:c|%43|%63)(?:e|%45|%65)(?:s|%53|%73)(?:s|%53|%73)(?:_|%5f)(?:t|%54|%74)(?:o|%4f|%6f)(?:k|%4b|%6b)(?:e|%45|%65)(?:n|%4e|%6e)=)[^&\s""]+", RegexOptions.IgnoreCase)]
    public static partial Regex AccessTokenInQuery();

    [GeneratedRegex(@"(Bearer\s+)[A-Za-z0-9\-_\.=+/]+", RegexOptions.IgnoreCase)]
    public static partial Regex BearerToken();
}

/// <summary>
/// Last line of defence for rule 2 (tokens never reach the logs): whatever logs a URL or header with a token
/// in it, at whatever level, the token is replaced before any sink sees it.
/// </summary>
internal sealed class SecretRedaction : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: string text } && Redact(text) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }

    private static string? Redact(string text)
    {
        if (!text.Contains('=') && !text.Contains("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var redacted = Logging.AccessTokenInQuery().Replace(text, "$1[redacted]");
        return Logging.BearerToken().Replace(redacted, "$1[redacted]");
    }
}

/// <summary>
/// Rule 12: answer and notes text never reach the logs. At Debug, SignalR's hub dispatcher logs every invocation it
/// receives (<c>ReceivedHubInvocation</c> and its stream and mismatch variants: "Received hub invocation:
/// {InvocationMessage}."), and the message's text lists the arguments: the answer of a <c>Submit</c>, the notes of a
/// <c>Score</c>. Whatever level the configuration sets (<c>Serilog:MinimumLevel:Default=Verbose</c> included), a hub
/// message in an event keeps its target and invocation id and loses its arguments and results before any sink sees
/// it. An enricher added in code runs for every event; configuration can add sinks, levels and filters, not remove it.
/// </summary>
internal sealed class HubArgumentRedaction : ILogEventEnricher
{
    private const string NotLogged = "[not logged]";

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var (name, value) in logEvent.Properties.ToArray())
        {
            if (value is ScalarValue { Value: { } scalar } && Redact(scalar) is { } redacted)
            {
                logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }

    /// <summary>
    /// The message itself (if Serilog kept the object), or its text (if it was turned into a string on the way):
    /// everything from <c>Arguments:</c> on goes.
    /// </summary>
    private static string? Redact(object value) => value switch
    {
        HubMethodInvocationMessage invocation =>
            $"{invocation.GetType().Name} {{ InvocationId: \"{invocation.InvocationId}\", Target: \"{invocation.Target}\", Arguments: {NotLogged} }}",
        CompletionMessage completion => $"Completion {{ InvocationId: \"{completion.InvocationId}\", Result: {NotLogged} }}",
        StreamItemMessage item => $"StreamItem {{ InvocationId: \"{item.InvocationId}\", Item: {NotLogged} }}",
        string text when text.IndexOf("Arguments: [", StringComparison.Ordinal) is >= 0 and var at => $"{text[..at]}Arguments: {NotLogged} }}",
        _ => null,
    };
}
