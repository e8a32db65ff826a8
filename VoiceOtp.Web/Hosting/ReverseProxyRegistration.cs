using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Web.Hosting;

// Behind nginx the socket peer is the proxy. Webhook signatures do not depend on this (they are
// checked against VoiceOtp:PublicBaseUrl), but logs and the scheme do; and the loopback rules of
// the dashboard and the demo must see that a request came through a proxy (see DirectConnection).
public static class ReverseProxyRegistration
{
    public static IServiceCollection AddReverseProxySupport(this IServiceCollection services)
    {
        services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section)
            .Validate(o => o.KnownProxies.All(ReverseProxyOptions.IsAddressOrNetwork),
                "ReverseProxy:KnownProxies must list IP addresses or CIDR ranges, such as 127.0.0.1 or 10.0.0.0/8")
            .ValidateOnStart();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((o, proxy) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The defaults trust loopback, which would let any local process claim any client address.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in proxy.Value.KnownProxies)
            {
                if (entry.Contains('/'))
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
        return services;
    }

    public static WebApplication UseReverseProxySupport(this WebApplication app)
    {
        if (app.Configuration.GetSection($"{ReverseProxyOptions.Section}:KnownProxies").GetChildren().Any())
            app.UseForwardedHeaders();
        return app;
    }
}
