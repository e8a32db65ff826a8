using System.Net;
using System.Net.Sockets;

namespace VoiceOtp.Core.Guards;

// Who is asking: the API key (by its digest, never the key) and what the product says about its
// own user (client_ip, rate_limit_key), validated and normalized by TryCreate.
public sealed record RequestOrigin(string ApiKeyId, string? ClientIp = null, string? RateLimitKey = null)
{
    public const int MaxRateLimitKeyLength = 128;

    public static bool TryCreate(string apiKeyId, string? clientIp, string? rateLimitKey, out RequestOrigin origin, out string error)
    {
        origin = new RequestOrigin(apiKeyId);
        error = "";
        string? ip = null;
        if (clientIp is not null && !TryNormalizeIp(clientIp, out ip))
        {
            error = "client_ip must be an IPv4 or IPv6 address";
            return false;
        }
        if (rateLimitKey is not null && !IsRateLimitKey(rateLimitKey))
        {
            error = $"rate_limit_key must be 1 to {MaxRateLimitKeyLength} printable characters";
            return false;
        }
        origin = new RequestOrigin(apiKeyId, ip, rateLimitKey);
        return true;
    }

    // Dotted quads and IPv6 only: IPAddress.TryParse alone also takes "1" or "0x7f.1" as IPv4.
    // An IPv4-mapped IPv6 address counts as its IPv4 address, so both spellings share a counter.
    private static bool TryNormalizeIp(string text, out string? normalized)
    {
        normalized = null;
        if (text.Length is 0 or > 45 || !IPAddress.TryParse(text, out var address))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetwork && address.ToString() != text)
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && !text.Contains(':'))
            return false;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        else if (address.AddressFamily == AddressFamily.InterNetworkV6)
            address.ScopeId = 0;
        normalized = address.ToString();
        return true;
    }

    private static bool IsRateLimitKey(string key) =>
        key.Length is > 0 and <= MaxRateLimitKeyLength && key.Trim().Length > 0
        && key.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');

    public override string ToString() => nameof(RequestOrigin);
}
