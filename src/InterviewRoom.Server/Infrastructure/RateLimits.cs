using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>The rate limiter and its policies; an over-limit request gets a 429 problem.</summary>
internal static class RateLimits
{
    /// <summary>Join attempts (a room's or a class's code) per client address and minute, right or wrong.</summary>
    public const string JoinAttempts = "join";

    public static IServiceCollection AddJoinAttemptLimit(this IServiceCollection services, Func<IServiceProvider, int> perMinute)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, cancellationToken) => new ValueTask(
                context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = 429, Title = "Too many attempts", Detail = "Too many join attempts from this address; wait a minute and try again." },
                }).AsTask());
            limiter.AddPolicy(JoinAttempts, http =>
            {
                var limit = perMinute(http.RequestServices);
                return RateLimitPartition.GetFixedWindowLimiter(
                    http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });
        return services;
    }
}
