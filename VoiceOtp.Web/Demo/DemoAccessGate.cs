using Microsoft.Extensions.Options;
using VoiceOtp.Web.Hosting;

namespace VoiceOtp.Web.Demo;

// Guards everything under /demo. The page's API places calls with the engine's own authority, so it
// must not be callable from another site: every API request must carry a custom header, which a
// browser only sends cross-origin after a CORS preflight that this app never grants, and must not be
// marked cross-site by the browser. Unless Demo:AllowRemote is set, only direct loopback clients get
// in, by the same rule as the jobs dashboard.
public sealed class DemoAccessGate(RequestDelegate next, IOptions<DemoOptions> options)
{
    public const string HeaderName = "X-VoiceOtp-Demo";

    public Task InvokeAsync(HttpContext context)
    {
        if (!options.Value.AllowRemote && !DirectConnection.IsLoopback(context))
            return Refuse(context, "the demo answers direct loopback requests only (set Demo:AllowRemote=true to open it)");
        if (context.Request.Path.StartsWithSegments("/demo/api"))
        {
            if (context.Request.Headers[HeaderName] != "1")
                return Refuse(context, $"demo API requests must carry the {HeaderName} header");
            var site = context.Request.Headers["Sec-Fetch-Site"].ToString();
            if (site.Length > 0 && site != "same-origin")
                return Refuse(context, "demo API requests must come from the demo page itself");
        }
        return next(context);
    }

    private static Task Refuse(HttpContext context, string message) =>
        DemoResults.Write(context, 403, new { status = "forbidden", message });
}
