using System.Net;
using System.Net.Sockets;

namespace VoiceOtp.Tests.Infrastructure;

public static class FreePort
{
    // The app must know its public URL before it starts (Plivo is told to call it back there), so
    // the port is picked up front instead of letting Kestrel bind port 0.
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
