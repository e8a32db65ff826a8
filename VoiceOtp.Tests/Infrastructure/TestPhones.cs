using System.Security.Cryptography;

namespace VoiceOtp.Tests.Infrastructure;

public static class TestPhones
{
    // Valid, distinct UK mobile numbers (+447700 900xxx is Ofcom's range for drama and tests),
    // so that tests never share a session.
    private static int _next = RandomNumberGenerator.GetInt32(0, 500);

    public static string Next() => $"+447700900{Interlocked.Increment(ref _next) % 1000:000}";
}
