using System.Threading.RateLimiting;
using InterviewRoom.Server.Infrastructure;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;
using Serilog.Context;

namespace InterviewRoom.Server.Interview;

/// <summary>
/// Around every hub call: log properties (room, participant, method, never arguments), a per-connection rate
/// limit (the HTTP rate limiter only ever sees the negotiate request), and the one mapping of user errors to
/// <see cref="HubException"/>. Anything else reaches the client as SignalR's generic error and is logged here.
/// </summary>
internal sealed partial class InterviewHubFilter(IOptions<HubSettings> settings, ILogger<InterviewHubFilter> logger) : IHubFilter
{
    private const string LimiterKey = "call-limiter";

    public async ValueTask<object?> InvokeMethodAsync(
        HubInvocationContext invocationContext, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        var caller = Caller.TryFrom(invocationContext.Context.User!);
        using var room = LogContext.PushProperty("RoomId", caller?.RoomId);
        using var participant = LogContext.PushProperty("ParticipantId", caller?.ParticipantId);
        using var method = LogContext.PushProperty("HubMethod", invocationContext.HubMethodName);

        using var lease = LimiterOf(invocationContext.Context).AttemptAcquire();
        if (!lease.IsAcquired)
        {
            LogThrottled(invocationContext.HubMethodName);
            throw new HubException("Too many calls in a short time; wait a moment and try again.");
        }

        try
        {
            return await next(invocationContext);
        }
        catch (RoomRuleException rule)
        {
            LogRefused(invocationContext.HubMethodName, rule.Violation, rule.Message);
            throw new HubException(rule.Message);
        }
        catch (Exception exception) when (exception is not HubException and not OperationCanceledException)
        {
            LogFailed(exception, invocationContext.HubMethodName);
            throw;
        }
    }

    public Task OnDisconnectedAsync(
        HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        if (context.Context.Items.TryGetValue(LimiterKey, out var limiter))
        {
            ((IDisposable)limiter!).Dispose();
        }

        return next(context, exception);
    }

    // By default 20 calls at once, then 10 a second: far above what a person clicks, far below a flood.
    private RateLimiter LimiterOf(HubCallerContext connection)
    {
        if (connection.Items.TryGetValue(LimiterKey, out var existing))
        {
            return (RateLimiter)existing!;
        }

        var limiter = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = settings.Value.CallBurst,
            TokensPerPeriod = settings.Value.CallsPerSecond,
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        connection.Items[LimiterKey] = limiter;
        return limiter;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Hub call {HubMethod} refused ({Violation}): {Reason}")]
    private partial void LogRefused(string hubMethod, RuleViolation violation, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Hub call {HubMethod} throttled")]
    private partial void LogThrottled(string hubMethod);

    [LoggerMessage(Level = LogLevel.Error, Message = "Hub call {HubMethod} failed")]
    private partial void LogFailed(Exception exception, string hubMethod);
}
