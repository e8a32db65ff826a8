namespace VoiceOtp.Core.Events;

// The VoiceOtp:* keys of event callbacks and session status, bound from the same section as
// VoiceOtpOptions but kept apart so that the two can change independently.
// A class, not a record: a record's generated ToString would print the callback secret.
public sealed class EventOptions
{
    public const string Section = "VoiceOtp";

    // About a day in all (85 900 s): a receiver that is down overnight still gets every event.
    public static readonly int[] DefaultRetryDelaysSeconds =
        [10, 30, 60, 300, 900, 1800, 3600, 3600, 3600, 7200, 7200, 14400, 14400, 14400, 14400];

    public string CallbackSecret { get; set; } = "";
    public string[] CallbackHosts { get; set; } = [];
    // Empty by default because the configuration binder appends to an array it finds filled.
    public int[] CallbackRetryDelaysSeconds { get; set; } = [];
    public int CallbackTimeoutSeconds { get; set; } = 5;
    public int StatusRetentionSeconds { get; set; } = 3600;

    public int[] RetryDelays => CallbackRetryDelaysSeconds.Length == 0 ? DefaultRetryDelaysSeconds : CallbackRetryDelaysSeconds;

    public bool CallbacksEnabled => CallbackHosts.Length > 0;

    // An event is kept until its last retry is over, plus an hour.
    public TimeSpan EventTtl => TimeSpan.FromSeconds(RetryDelays.Sum(d => (long)d) + 3600);

    public override string ToString() => nameof(EventOptions);
}
