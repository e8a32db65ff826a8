using System.Net;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Events;

// VoiceOtp:CallbackHosts: exact host names or IP addresses, or "*.example.com" for any host below
// example.com (not example.com itself). Only an exact entry permits a non-public address.
public sealed class CallbackHostList(IOptions<EventOptions> options)
{
    private readonly string[] _patterns = options.Value.CallbackHosts.Select(Normalize).ToArray();

    public static bool IsValidPattern(string? pattern)
    {
        if (string.IsNullOrWhiteSpace(pattern) || pattern.Length > 253)
            return false;
        var host = pattern.StartsWith("*.", StringComparison.Ordinal) ? pattern[2..] : pattern;
        return IPAddress.TryParse(host, out _) && host == pattern
            || Uri.CheckHostName(host) == UriHostNameType.Dns && !host.Contains('*');
    }

    public bool Matches(string host)
    {
        var h = Normalize(host);
        return _patterns.Any(p => p.StartsWith("*.", StringComparison.Ordinal)
            ? h.EndsWith(p[1..], StringComparison.Ordinal) && h.Length > p.Length - 1
            : h == p);
    }

    // True when the list names this host or address itself, which is what lets the engine reach a
    // loopback or private address on purpose (a local receiver, a receiver inside the network).
    public bool NamesExactly(string hostOrAddress) => _patterns.Contains(Normalize(hostOrAddress));

    private static string Normalize(string host)
    {
        var h = host.Trim().TrimEnd('.').ToLowerInvariant();
        if (h.StartsWith('[') && h.EndsWith(']'))
            h = h[1..^1];
        return IPAddress.TryParse(h, out var ip) ? Canonical(ip) : h;
    }

    private static string Canonical(IPAddress ip) => (ip.IsIPv4MappedToIPv6 ? ip.MapToIPv4() : ip).ToString();
}
