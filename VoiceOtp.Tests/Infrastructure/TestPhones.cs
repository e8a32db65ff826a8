using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace VoiceOtp.Tests.Infrastructure;

public static class TestPhones
{
    // Ofcom's ranges for drama and tests (01xx 496 0xxx, 0191 498 0xxx, 020 7946 0xxx); libphonenumber judges them
    // valid, unlike the 07700 900xxx mobile range.
    private static readonly string[] Ranges =
    [
        "+442079460", "+441134960", "+441144960", "+441164960", "+441174960", "+441184960",
        "+441214960", "+441314960", "+441914980", "+441414960", "+441514960", "+441614960",
    ];

    private static int _next = RandomNumberGenerator.GetInt32(0, 500);
    private static readonly ConcurrentDictionary<string, int> NextBySuffix = new();

    // Distinct numbers so that tests never share a session. The simulator scripts numbers ending in
    // 01 to 09 (README), so these never end that way: their callee answers and listens.
    public static string Next()
    {
        while (true)
        {
            var n = Interlocked.Increment(ref _next) % 1000;
            if (n % 100 >= 10)
                return $"+442079460{n:000}";
        }
    }

    // A distinct number ending in the given two digits, for the simulator's scripted callees.
    public static string Ending(string twoDigits)
    {
        var n = NextBySuffix.AddOrUpdate(twoDigits, RandomNumberGenerator.GetInt32(0, 60), (_, v) => v + 1) % (Ranges.Length * 10);
        return $"{Ranges[n / 10]}{n % 10}{twoDigits}";
    }

    // How logs, events and the status show any of these: country code 44, ten national digits of
    // which only the last 2 are kept.
    public static string Masked(string number) => "+44********" + number[^2..];
}
