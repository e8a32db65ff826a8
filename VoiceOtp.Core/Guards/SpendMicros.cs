namespace VoiceOtp.Core.Guards;

// Money is counted in Redis as whole millionths of the currency unit, so that INCRBY stays exact.
public static class SpendMicros
{
    public static long From(decimal amount) => (long)Math.Ceiling(amount * 1_000_000m);

    public static decimal ToAmount(long micros) => micros / 1_000_000m;
}
