namespace VoiceOtp.Core;

// A class, not a record: a record's generated ToString would print the API keys and the code key.
public sealed class VoiceOtpOptions
{
    public const string Section = "VoiceOtp";
    public const int MinCodeLength = 4;
    public const int MaxCodeLength = 8;
    public const string NistProfile = "nist-800-63b-4";

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
    public int MaxCallsPerSession { get; set; } = 3;
    // Empty by default because the configuration binder appends to an array it finds filled;
    // RetryDelays supplies the documented default of 30 s then 90 s.
    public int[] RetryDelaysSeconds { get; set; } = [];
    public int[] RetryDelays => RetryDelaysSeconds.Length == 0 ? [30, 90] : RetryDelaysSeconds;
    public int RingTimeoutSeconds { get; set; } = 45;
    // Calls started per second across all instances, enforced in Redis by claim-calls.lua; 0 = off.
    // Plivo's default account limit: an account that was granted more raises it.
    public int CallsPerSecond { get; set; } = 2;
    // How long a call whose Make-a-call request may have reached Plivo waits for a callback before it
    // is placed again; 0 = RingTimeoutSeconds + UncertainMarginSeconds.
    public int UncertainWindowSeconds { get; set; }
    public const int UncertainMarginSeconds = 30;
    // A dispatch that joins a pending session calls again only after this many seconds since the
    // session's last call, doubling for each further resend (30, 60, 120 s by default).
    public int ResendCooldownSeconds { get; set; } = 30;
    // No call is placed into a session with less time than this left to live.
    public int MinSecondsLeftToCall { get; set; } = 60;
    // Pause before a call Plivo refused with 429 (and no Retry-After) is sent again.
    public int PlivoRateLimitPauseSeconds { get; set; } = 5;

    // Voicemail protection: Plivo's synchronous answering-machine detection, and a random key the
    // callee must press before the code is spoken.
    public bool MachineDetection { get; set; } = true;
    public int MachineDetectionTimeMs { get; set; } = 5000;
    public bool RequireKeypress { get; set; } = true;
    public int KeypressTimeoutSeconds { get; set; } = 7;
    public int KeypressTries { get; set; } = 3;
    public int MaxReplays { get; set; } = 3;

    // Wrong codes one number may collect across sessions (sliding windows); 0 turns a limit off.
    public int WrongCodesPerNumberPerHour { get; set; } = 10;
    public int WrongCodesPerNumberPerDay { get; set; } = 20;

    // "" or "nist-800-63b-4": a profile refuses at start-up any setting below its standard.
    public string Profile { get; set; } = "";

    public override string ToString() => nameof(VoiceOtpOptions);
}
