using System.Net;

namespace VoiceOtp.Web.Hosting;

public static class DirectConnection
{
    // True only for a loopback peer that no proxy stands in front of. UseForwardedHeaders consumes
    // X-Forwarded-For from a known proxy and leaves X-Original-For behind, so both are checked: a
    // proxied request from a remote client never passes as local, even after the peer address was
    // replaced by the forwarded one.
    public static bool IsLoopback(HttpContext context) =>
        context.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip)
        && !context.Request.Headers.ContainsKey("X-Forwarded-For")
        && !context.Request.Headers.ContainsKey("X-Original-For")
        && !context.Request.Headers.ContainsKey("Forwarded");
}
