using System.Security.Cryptography;

namespace VoiceOtp.Tests.Infrastructure;

public static class TestPhones
{
    // Valid, distinct London numbers (020 7946 0xxx is Ofcom's range for drama and tests;
    // libphonenumber rejects the 07700 900xxx mobile range), so that tests never share a session.
    private static int _next = RandomNumberGenerator.GetInt32(0, 500);

    public static string Next() => $"+442079460{Interlocked.Increment(ref _next) % 1000:000}";
}
