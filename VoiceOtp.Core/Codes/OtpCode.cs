namespace VoiceOtp.Core.Codes;

// The code is a secret: ToString is redacted so that it can never reach a log line or an
// exception message by accident; only Reveal() hands out the digits, at the few places that need them.
public readonly struct OtpCode : IEquatable<OtpCode>
{
    private readonly string? _digits;

    private OtpCode(string digits) => _digits = digits;

    public int Length => _digits?.Length ?? 0;

    public static bool TryParse(string? text, out OtpCode code)
    {
        code = default;
        if (text is null || text.Length is < VoiceOtpOptions.MinCodeLength or > VoiceOtpOptions.MaxCodeLength)
            return false;
        foreach (var c in text)
            if (c is < '0' or > '9')
                return false;
        code = new OtpCode(text);
        return true;
    }

    internal static OtpCode FromDigits(string digits) =>
        TryParse(digits, out var code) ? code : throw new ArgumentException("Not a code of digits.", nameof(digits));

    public string Reveal() => _digits ?? throw new InvalidOperationException("Empty code.");

    public bool Equals(OtpCode other) => string.Equals(_digits, other._digits, StringComparison.Ordinal);

    public override bool Equals(object? obj) => obj is OtpCode other && Equals(other);

    public override int GetHashCode() => _digits?.GetHashCode(StringComparison.Ordinal) ?? 0;

    public override string ToString() => "[redacted code]";
}
