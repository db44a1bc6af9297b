using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>What an endpoint is throttled as; see <see cref="RateLimits.Throttled"/>.</summary>
internal enum Throttle
{
    /// <summary>Taking a seat with a code: per client address and per code.</summary>
    Join,

    /// <summary>Creating a room or a class: per client address.</summary>
    Create,
}

/// <summary>Requests per minute each throttle admits.</summary>
internal sealed record ThrottleLimits(int JoinsPerAddress, int JoinsPerCode, int CreatesPerAddress);

/// <summary>Endpoint metadata: the throttle, and for a join the route value that holds the code.</summary>
internal sealed record ThrottledAs(Throttle Kind, string? CodeRouteValue = null);

/// <summary>
/// The rate limiter: every throttled request counts against its client address, and a join also against its
/// code, across all addresses (so many addresses together cannot try one code more often either). Over a limit:
/// 429 problem details with <c>Retry-After</c>. Limits are per instance and per fixed one-minute window.
/// </summary>
internal static class RateLimits
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static RouteHandlerBuilder Throttled(this RouteHandlerBuilder endpoint, Throttle kind, string? codeRouteValue = null) =>
        endpoint.WithMetadata(new ThrottledAs(kind, codeRouteValue));

    public static IServiceCollection AddThrottles(this IServiceCollection services, Func<IServiceProvider, ThrottleLimits> limits)
    {
        services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = (context, _) => new ValueTask(WriteTooManyAsync(context));

            // The address first: a request its address may not make never uses up its code's allowance.
            limiter.GlobalLimiter = PartitionedRateLimiter.CreateChained(
                PartitionedRateLimiter.Create<HttpContext, string>(http => PerAddress(http, limits)),
                PartitionedRateLimiter.Create<HttpContext, string>(http => PerCode(http, limits)));
        });
        return services;
    }

    private static RateLimitPartition<string> PerAddress(HttpContext http, Func<IServiceProvider, ThrottleLimits> limits)
    {
        var throttle = http.GetEndpoint()?.Metadata.GetMetadata<ThrottledAs>();
        if (throttle is null)
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        var (key, perMinute) = throttle.Kind == Throttle.Join
            ? ($"join|{address}", limits(http.RequestServices).JoinsPerAddress)
            : ($"create|{address}", limits(http.RequestServices).CreatesPerAddress);
        return FixedWindow(key, perMinute);
    }

    private static RateLimitPartition<string> PerCode(HttpContext http, Func<IServiceProvider, ThrottleLimits> limits)
    {
        var throttle = http.GetEndpoint()?.Metadata.GetMetadata<ThrottledAs>();
        if (throttle is not { Kind: Throttle.Join, CodeRouteValue: { } routeValue })
        {
            return RateLimitPartition.GetNoLimiter("");
        }

        // Keyed by the code as stored, so "abcd-efgh" and "ABCDEFGH" share one allowance; cut to a code's length,
        // so a flood of long strings cannot make long keys.
        var code = Tokens.NormalizeJoinCode(http.Request.RouteValues[routeValue] as string ?? "");
        code = code[..Math.Min(code.Length, Tokens.MaxJoinCodeInput)];
        return FixedWindow($"{routeValue}|{code}", limits(http.RequestServices).JoinsPerCode);
    }

    private static RateLimitPartition<string> FixedWindow(string key, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = Window,
            QueueLimit = 0,
        });

    private static Task WriteTooManyAsync(OnRejectedContext context)
    {
        var http = context.HttpContext;
        var wait = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : Window;
        var seconds = Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        var what = http.GetEndpoint()?.Metadata.GetMetadata<ThrottledAs>()?.Kind == Throttle.Create
            ? "Too many rooms or classes created from this address"
            : "Too many join attempts";
        return http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
        {
            HttpContext = http,
            ProblemDetails = { Status = 429, Title = "Too many attempts", Detail = $"{what}; wait {seconds} s and try again.", Extensions = { ["code"] = ErrorCodes.TooMany } },
        }).AsTask();
    }
}
