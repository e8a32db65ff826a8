namespace VoiceOtp.Core.Sessions;

// The brand name is read aloud, so it must be short printable text; XML escaping happens later,
// but control characters are refused here because XML cannot carry them at all.
public readonly record struct BrandName
{
    public const int MaxLength = 40;

    private BrandName(string value) => Value = value;

    public string Value { get; }

    public static bool TryCreate(string? text, out BrandName brand)
    {
        brand = default;
        var trimmed = text?.Trim();
        if (string.IsNullOrEmpty(trimmed) || trimmed.Length > MaxLength || !IsSpeakable(trimmed))
            return false;
        brand = new BrandName(trimmed);
        return true;
    }

    public static bool IsSpeakable(string text) =>
        text.All(c => !char.IsControl(c) && !char.IsSurrogate(c) && c != '\uFFFE' && c != '\uFFFF');

    public override string ToString() => Value;
}
