using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;
using IPNetwork = System.Net.IPNetwork;

namespace InterviewRoom.Server.Infrastructure;

/// <summary>The "ForwardedHeaders" configuration section: who may tell the server a client's address.</summary>
internal sealed class ProxySettings
{
    public const string Section = "ForwardedHeaders";

    /// <summary>Addresses of the reverse proxies in front of this instance (e.g. <c>10.0.0.5</c>).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, in CIDR notation (e.g. <c>172.28.0.0/24</c>).</summary>
    public string[] KnownNetworks { get; set; } = [];

    public bool Any => KnownProxies.Length > 0 || KnownNetworks.Length > 0;

    public bool IsValid() =>
        KnownProxies.All(p => IPAddress.TryParse(p, out _)) && KnownNetworks.All(n => IPNetwork.TryParse(n, out _));
}

/// <summary>
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed only from the configured proxies. The join and
/// create throttles count per client address, so a header believed from anyone would let one client be every
/// address it likes. ASP.NET Core's own switch (<c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c>) trusts any sender;
/// here it gets the same list, so the switch alone trusts loopback only.
/// </summary>
internal static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddOptions<ProxySettings>().BindConfiguration(ProxySettings.Section)
            .Validate(s => s.IsValid(), "ForwardedHeaders:KnownProxies must hold IP addresses and ForwardedHeaders:KnownNetworks networks such as 10.0.0.0/8.")
            .ValidateOnStart();

        // After the host's own set-up, which clears the lists when ASPNETCORE_FORWARDEDHEADERS_ENABLED is true.
        services.AddOptions<ForwardedHeadersOptions>().PostConfigure<IOptions<ProxySettings>>((forwarded, proxies) =>
        {
            var settings = proxies.Value;
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            if (!settings.Any)
            {
                forwarded.KnownIPNetworks.Add(new IPNetwork(IPAddress.Loopback, 8));
                forwarded.KnownProxies.Add(IPAddress.IPv6Loopback);
                return;
            }

            foreach (var proxy in settings.KnownProxies)
            {
                forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
            }

            foreach (var network in settings.KnownNetworks)
            {
                forwarded.KnownIPNetworks.Add(IPNetwork.Parse(network));
            }
        });
        return services;
    }

    /// <summary>
    /// Reads the forwarded headers when proxies are listed. With ASP.NET Core's switch on, the host has already put
    /// the same middleware first in the pipeline.
    /// </summary>
    public static IApplicationBuilder UseTrustedProxies(this WebApplication app)
    {
        var switchedOn = string.Equals(app.Configuration["ForwardedHeaders_Enabled"], "true", StringComparison.OrdinalIgnoreCase);
        if (app.Services.GetRequiredService<IOptions<ProxySettings>>().Value.Any && !switchedOn)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
