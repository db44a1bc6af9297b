using InterviewRoom.Server.Infrastructure;
using InterviewRoom.Server.Infrastructure.Hubs;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Serilog.Context;
using Serilog.Core;
using Serilog.Events;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Around every hub call: log properties (room, participant, method, never arguments), a per-seat rate
/// limit (the HTTP rate limiter only ever sees the negotiate request), and the one mapping of user errors to
/// <see cref="HubException"/>. Anything else reaches the client as SignalR's generic error and is logged here.
/// </summary>
internal sealed partial class InterviewHubFilter(IOptions<HubSettings> settings, TimeProvider time, ILogger<InterviewHubFilter> logger) : IHubFilter
{
    private const string BudgetKey = "call-budget";
    private const string RefusedLogKey = "log-refused";
    private const string ThrottledLogKey = "log-throttled";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        using var properties = LogContext.Push(new CallProperties(Caller.TryFrom(invocationContext.Context.User!), invocationContext.HubMethodName));

        if (!BudgetOf(invocationContext.Context).TryTake())
        {
            if (QuotaOf(invocationContext.Context, ThrottledLogKey).TryWrite(out var heldBack))
            {
                LogThrottled(invocationContext.HubMethodName, heldBack);
            }

            throw new HubException(ErrorCodes.HubMessage(ErrorCodes.TooMany, "Too many calls in a short time; wait a moment and try again."));
        }

        try
        {
            return await next(invocationContext);
        }
        catch (RoomRuleException rule)
        {
            if (QuotaOf(invocationContext.Context, RefusedLogKey).TryWrite(out var heldBack))
            {
                LogRefused(invocationContext.HubMethodName, rule.Violation, rule.Message, heldBack);
            }

            throw new HubException(ErrorCodes.HubMessage(rule.Code, rule.Message));
        }
        catch (OperationCanceledException) when (invocationContext.Context.ConnectionAborted.IsCancellationRequested)
        {
            // The caller closed the connection mid-call: nobody can hear an answer, and it is not a server error
            // (SignalR would log it as one, with its stack trace).
            LogAbandoned(invocationContext.HubMethodName);
            return null;
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            LogFailed(exception, invocationContext.HubMethodName);
            throw;
        }
    }

    // By default 20 calls at once, then 10 a second: far above what a person clicks, far below a flood. The seat's
    // budget, shared by its connections (the guard's); a connection the guard never saw gets one of its own.
    private CallBudget BudgetOf(HubCallerContext connection)
    {
        if (ConnectionGuard.Of(connection.Items) is { } guard)
        {
            return guard.Budget;
        }

        if (connection.Items.TryGetValue(BudgetKey, out var existing))
        {
            return (CallBudget)existing!;
        }

        var budget = new CallBudget(settings.Value.CallBurst, settings.Value.CallsPerSecond, time);
        connection.Items[BudgetKey] = budget;
        return budget;
    }

    private LogQuota QuotaOf(HubCallerContext connection, string key)
    {
        if (connection.Items.TryGetValue(key, out var existing))
        {
            return (LogQuota)existing!;
        }

        var quota = new LogQuota(time);
        connection.Items[key] = quota;
        return quota;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {HubMethod} refused ({Violation}): {Reason} ({HeldBack} refusals on this connection not logged since the last line)")]
    private partial void LogRefused(string hubMethod, RuleViolation violation, string reason, int heldBack);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {HubMethod} throttled ({HeldBack} throttled calls on this connection not logged since the last line)")]
    private partial void LogThrottled(string hubMethod, int heldBack);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Hub call {HubMethod} abandoned: the connection closed")]
    private partial void LogAbandoned(string hubMethod);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {HubMethod} failed")]
    private partial void LogFailed(Exception exception, string hubMethod);

    /// <summary>The call's log properties, pushed once (one log-context change per call instead of three).</summary>
    private sealed class CallProperties(Caller? caller, string hubMethod) : ILogEventEnricher
    {
        public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("RoomId", caller?.RoomId));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("ParticipantId", caller?.ParticipantId));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("HubMethod", hubMethod));
        }
    }
}
