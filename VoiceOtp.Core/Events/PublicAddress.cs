using System.Net;
using System.Net.Sockets;

namespace VoiceOtp.Core.Events;

// Addresses a callback may reach without being named in the allowlist: everything except
// loopback, private, link-local, carrier-grade NAT, "this network", multicast and reserved ranges,
// so that a callback URL cannot be used to probe the engine's own network.
public static class PublicAddress
{
    private static readonly (byte[] Prefix, int Bits)[] BlockedV4 =
    [
        ([0, 0, 0, 0], 8), ([10, 0, 0, 0], 8), ([100, 64, 0, 0], 10), ([127, 0, 0, 0], 8),
        ([169, 254, 0, 0], 16), ([172, 16, 0, 0], 12), ([192, 0, 0, 0], 24), ([192, 168, 0, 0], 16),
        ([198, 18, 0, 0], 15), ([224, 0, 0, 0], 4), ([240, 0, 0, 0], 4),
    ];

    public static bool Is(IPAddress address)
    {
        var ip = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        var bytes = ip.GetAddressBytes();
        if (ip.AddressFamily == AddressFamily.InterNetwork)
            return !BlockedV4.Any(b => InPrefix(bytes, b.Prefix, b.Bits));
        if (ip.AddressFamily != AddressFamily.InterNetworkV6)
            return false;
        return !(IPAddress.IPv6Loopback.Equals(ip) || IPAddress.IPv6Any.Equals(ip)
            || (bytes[0] & 0xFE) == 0xFC            // fc00::/7 unique local
            || bytes[0] == 0xFE && (bytes[1] & 0xC0) == 0x80  // fe80::/10 link-local
            || bytes[0] == 0xFF                     // ff00::/8 multicast
            || ip.IsIPv4Compatible());              // ::a.b.c.d, which some stacks route as IPv4
    }

    private static bool IsIPv4Compatible(this IPAddress ip) =>
        ip.GetAddressBytes().AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;

    private static bool InPrefix(byte[] address, byte[] prefix, int bits)
    {
        for (var i = 0; i < 4 && bits > 0; i++, bits -= 8)
        {
            var mask = bits >= 8 ? 0xFF : 0xFF << (8 - bits) & 0xFF;
            if ((address[i] & mask) != (prefix[i] & mask))
                return false;
        }
        return true;
    }
}
