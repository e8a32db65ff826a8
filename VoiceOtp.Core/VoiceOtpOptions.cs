namespace VoiceOtp.Core;

// A class, not a record: a record's generated ToString would print the API keys and the code key.
public sealed class VoiceOtpOptions
{
    public const string Section = "VoiceOtp";
    public const int MinCodeLength = 4;
    public const int MaxCodeLength = 8;

    public string PublicBaseUrl { get; set; } = "";
    public string[] ApiKeys { get; set; } = [];
    public string CodeKey { get; set; } = "";
    public int CodeLength { get; set; } = 6;
    public int CodeTtlSeconds { get; set; } = 600;
    public int MaxVerifyAttempts { get; set; } = 5;
    public string BrandName { get; set; } = "VoiceOtp";
    public string SpeakTemplate { get; set; } = "Your {brand} verification code is";
    public string Voice { get; set; } = "Polly.Joanna";
    public string Language { get; set; } = "en-US";
    public int SpeakRepeats { get; set; } = 3;
    public int MaxCallsPerSession { get; set; } = 5;
    public int[] RetryDelaysSeconds { get; set; } = [30, 90];
    public int RingTimeoutSeconds { get; set; } = 45;

    public override string ToString() => nameof(VoiceOtpOptions);
}
