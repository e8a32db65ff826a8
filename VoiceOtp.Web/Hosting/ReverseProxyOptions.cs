using System.Net;

namespace VoiceOtp.Web.Hosting;

public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    // Addresses (or CIDR ranges) of the proxies whose X-Forwarded-For/-Proto are believed. Empty:
    // the headers are ignored, and the peer address is the one the socket saw.
    public string[] KnownProxies { get; set; } = [];

    public static bool IsAddressOrNetwork(string text) =>
        text.Contains('/') ? IPNetwork.TryParse(text, out _) : IPAddress.TryParse(text, out _);
}
