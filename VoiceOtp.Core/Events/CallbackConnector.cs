using System.Net;
using System.Net.Sockets;

namespace VoiceOtp.Core.Events;

// SocketsHttpHandler.ConnectCallback for event delivery: resolves the name itself and connects
// only to addresses it checked, so a name that resolves to a private address (or is re-pointed
// there after dispatch: DNS rebinding) is refused at the moment of connecting. Every resolved
// address must pass, not just the first, so a name cannot mix a public and a private answer.
public sealed class CallbackConnector(CallbackHostList hosts)
{
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = IPAddress.TryParse(host.Trim('[', ']'), out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, cancellationToken);
        if (addresses.Length == 0)
            throw new CallbackHostNotAllowedException("the callback host resolved to no address");
        // Only the URL's own host counts as naming: 127.0.0.1 in the list permits http://127.0.0.1/,
        // not every name that happens to resolve there.
        var namedHost = hosts.NamesExactly(host);
        foreach (var address in addresses)
            if (!PublicAddress.Is(address) && !namedHost)
                throw new CallbackHostNotAllowedException("the callback host resolves to a private or reserved address that the allowlist does not name");

        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
