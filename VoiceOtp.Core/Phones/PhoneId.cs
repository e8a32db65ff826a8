namespace VoiceOtp.Core.Phones;

// What Redis knows a number by: the first 128 bits of an HMAC-SHA256 of its E.164 form under a key
// derived from VoiceOtp:CodeKey, as 32 lowercase hex digits (RedisKeys.PhoneId makes it). Keyed, so
// a key list cannot be reversed by hashing every number of a country; 128 bits, so two numbers
// never share one in practice. Session keys, wrong-code logs, queue members and token lookups
// carry this, never the number.
public readonly record struct PhoneId(string Value)
{
    public const int Length = 32;

    public static bool IsWellFormed(string? text) =>
        text is { Length: Length } && text.All(c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f');

    public override string ToString() => Value;
}
