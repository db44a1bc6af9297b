using InterviewRoom.Contracts.Interview;
using Microsoft.AspNetCore.Mvc;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>The "Hub" configuration section.</summary>
internal sealed class HubSettings
{
    public const string Section = "Hub";

    /// <summary>Origins (scheme://host[:port]) besides the server's own that may open the hub from a browser.</summary>
    public string[] AllowedOrigins { get; set; } = [];

    public const string ClientTimeoutKey = $"{Section}:{nameof(ClientTimeoutSeconds)}";

    public const int DefaultClientTimeoutSeconds = 30;

    /// <summary>
    /// Seconds a hub connection may go without sending a message the server can read (clients ping every 15 s)
    /// before it is closed and its seat goes offline.
    /// </summary>
    [System.ComponentModel.DataAnnotations.Range(2, 3600)]
    public int ClientTimeoutSeconds { get; set; } = DefaultClientTimeoutSeconds;

    /// <summary>Hub calls one seat may make at once (across its connections) before the per-second rate applies.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int CallBurst { get; set; } = 20;

    /// <summary>Hub calls per second one seat may sustain, across its connections on this instance.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 100_000)]
    public int CallsPerSecond { get; set; } = 10;
}

internal static class WebSecurity
{
    // Pages are served from this origin only; answer text is always set as text, never as HTML.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    public static IServiceCollection AddOriginCheck(this IServiceCollection services)
    {
        services.AddOptions<HubSettings>().BindConfiguration(HubSettings.Section).ValidateDataAnnotations().ValidateOnStart();
        return services;
    }

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        return next(http);
    });

    /// <summary>
    /// CORS does not cover WebSockets: a page on another site could open the hub with a stolen token. Browsers
    /// always send Origin; refuse any that is neither this server nor configured. Non-browser clients send none.
    /// </summary>
    public static IApplicationBuilder UseOriginCheck(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        var origin = http.Request.Headers.Origin.ToString();
        if (http.Request.Path.StartsWithSegments(RoomTokenAuthentication.HubPaths) && origin.Length > 0 && !Allowed(http, origin))
        {
            http.Response.StatusCode = StatusCodes.Status403Forbidden;
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new()
            {
                HttpContext = http,
                ProblemDetails = new ProblemDetails
                {
                    Status = 403,
                    Title = "Origin not allowed",
                    Detail = "This page's origin may not connect to this server's hubs.",
                },
            });
            return;
        }

        await next(http);
    });

    /// <summary>
    /// The page's origin is the server's own or one of <see cref="HubSettings.AllowedOrigins"/>, compared as
    /// origins: same scheme, host and port, default ports spelled or not. The server's own origin is
    /// <c>Rooms:PublicBaseUrl</c> when configured; only without it is it taken from this request (scheme and Host
    /// header), which a DNS-rebinding page could choose, so deployments set it (docs/deploy.md).
    /// </summary>
    private static bool Allowed(HttpContext http, string origin)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var page))
        {
            return false;
        }

        var publicBaseUrl = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<Rooms.RoomOptions>>().Value.PublicBaseUrl;
        var ownOrigin = string.IsNullOrWhiteSpace(publicBaseUrl) ? $"{http.Request.Scheme}://{http.Request.Host.Value}" : publicBaseUrl;
        if (Uri.TryCreate(ownOrigin, UriKind.Absolute, out var own) && SameOrigin(page, own))
        {
            return true;
        }

        var allowed = http.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<HubSettings>>().Value.AllowedOrigins;
        return allowed.Any(a => Uri.TryCreate(a, UriKind.Absolute, out var listed) && SameOrigin(page, listed));
    }

    private static bool SameOrigin(Uri a, Uri b) =>
        string.Equals(a.Scheme, b.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(a.IdnHost, b.IdnHost, StringComparison.OrdinalIgnoreCase)
        && a.Port == b.Port;
}
