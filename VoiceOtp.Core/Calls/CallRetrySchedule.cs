using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Calls;

// Unanswered calls are retried after the configured delays; the list's length is the number of
// automatic retries per session, and MaxCallsPerSession caps retries and resends together.
public sealed class CallRetrySchedule(IOptions<VoiceOtpOptions> options)
{
    public int MaxRetries => options.Value.RetryDelays.Length;

    public int MaxCalls => options.Value.MaxCallsPerSession;

    public TimeSpan MinTimeLeft => TimeSpan.FromSeconds(options.Value.MinSecondsLeftToCall);

    public IReadOnlyList<TimeSpan> Delays => options.Value.RetryDelays.Select(s => TimeSpan.FromSeconds(s)).ToArray();
}
