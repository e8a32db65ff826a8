using System.Diagnostics.Metrics;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core;

// The product's own instruments; exported as voiceotp_<name> (dots become underscores). Tags are small closed sets (outcome words, ISO region codes), never
// a number, a session id or anything else per user, so every series stays bounded.
public sealed class VoiceOtpMetrics
{
    public const string MeterName = "VoiceOtp";

    // Seconds from a few hundred milliseconds (a call request) to the code's whole lifetime.
    public static readonly double[] SecondsBuckets = [0.1, 0.25, 0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600];

    private readonly Counter<long> _dispatches;
    private readonly Counter<long> _verifications;
    private readonly Counter<long> _callsRequested;
    private readonly Counter<long> _callsEnded;
    private readonly Histogram<double> _dispatchToCall;
    private readonly Histogram<double> _dispatchToVerification;

    private readonly IOptions<VoiceOtpOptions> _options;
    private readonly TimeProvider _clock;

    public VoiceOtpMetrics(IMeterFactory meters, IOptions<VoiceOtpOptions> options, TimeProvider clock)
    {
        _options = options;
        _clock = clock;
        var meter = meters.Create(MeterName);
        _dispatches = meter.CreateCounter<long>("dispatches", description: "dispatch_otp requests by outcome");
        _verifications = meter.CreateCounter<long>("verifications", description: "verify_otp checks by outcome");
        _callsRequested = meter.CreateCounter<long>("calls.requested",
            description: "Make-a-call requests by outcome (placed, refused) and destination country");
        _callsEnded = meter.CreateCounter<long>("calls.ended",
            description: "Calls by how they ended (completed, no-answer, busy, ...) and destination country");
        _dispatchToCall = meter.CreateHistogram("dispatch_to_call.seconds", "s",
            "Seconds from a session's dispatch to the Make-a-call request of its first call",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
        _dispatchToVerification = meter.CreateHistogram("dispatch_to_verification.seconds", "s",
            "Seconds from a session's dispatch to its successful verification",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = SecondsBuckets });
    }

    public void Dispatched(DispatchStatus status) => _dispatches.Add(1, Tag("outcome", Word(status)));

    public void Checked(VerifyStatus status, DateTimeOffset? sessionExpiresAt)
    {
        _verifications.Add(1, Tag("outcome", Word(status)));
        if (status == VerifyStatus.Verified && SinceDispatch(sessionExpiresAt) is { } seconds)
            _dispatchToVerification.Record(seconds);
    }

    // The one hook for whatever places calls. Pass the session's expiry only for its first call,
    // whose request follows the dispatch directly (later calls wait out retry delays on purpose).
    public void CallRequested(string region, bool placed, DateTimeOffset? sessionExpiresAt)
    {
        _callsRequested.Add(1, Tag("outcome", placed ? "placed" : "refused"), Tag("country", region));
        if (placed && SinceDispatch(sessionExpiresAt) is { } seconds)
            _dispatchToCall.Record(seconds);
    }

    public void CallEnded(string region, CallOutcome outcome) =>
        _callsEnded.Add(1, Tag("outcome", outcome.WireName()), Tag("country", region));

    // Sessions keep their expiry, not their start: the dispatch was one code lifetime earlier.
    private double? SinceDispatch(DateTimeOffset? expiresAt) => expiresAt is { } e
        ? Math.Max(0, (_clock.GetUtcNow() - (e - TimeSpan.FromSeconds(_options.Value.CodeTtlSeconds))).TotalSeconds)
        : null;

    private static KeyValuePair<string, object?> Tag(string name, string value) => new(name, value);

    private static string Word(DispatchStatus s) => s switch
    {
        DispatchStatus.Opened => "opened",
        DispatchStatus.Joined => "joined",
        DispatchStatus.CallLimitReached => "call_limit_reached",
        DispatchStatus.Refused => "refused",
        DispatchStatus.RateLimited => "rate_limited",
        DispatchStatus.ResendTooSoon => "resend_too_soon",
        DispatchStatus.TooLateToCall => "too_late_to_call",
        _ => "locked",
    };

    private static string Word(VerifyStatus s) => s switch
    {
        VerifyStatus.Verified => "verified",
        VerifyStatus.Rejected => "rejected",
        VerifyStatus.Locked => "locked",
        VerifyStatus.RateLimited => "rate_limited",
        VerifyStatus.Refused => "refused",
        _ => "not_found",
    };
}
