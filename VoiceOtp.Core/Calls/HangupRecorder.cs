using Hangfire;
using Microsoft.Extensions.Logging;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Core.Calls;

// Use case: a call ended. An unanswered call is a domain event, not an error: it schedules the next
// call through Hangfire, at most once however often Plivo repeats the callback.
public sealed partial class HangupRecorder(
    CallAttemptStore calls,
    CallAnswerStore answers,
    CallRetrySchedule schedule,
    IBackgroundJobClient jobs,
    SessionEvents events,
    VoiceOtpMetrics metrics,
    ILogger<HangupRecorder> logger)
{
    public async Task<bool> RecordAsync(string token, CallCallbackParameters p)
    {
        var call = await calls.FindAsync(token);
        if (call is null)
            return false;
        var outcome = CallOutcomes.FromCallStatus(p.CallStatus).Refine(await answers.FindStateAsync(call));
        var next = await calls.RecordOutcomeAsync(call, outcome, p.CallUuid ?? "", schedule.MaxCalls, schedule.MaxRetries);
        metrics.CallEnded(call.Phone, outcome);
        Log.Ended(logger, call.SessionId, call.Attempt, call.Phone.Masked, outcome, p.HangupCause ?? "");
        await events.CallEndedAsync(call, p, next is not null);
        if (next is { } n)
        {
            var delay = schedule.DelayBefore(n.Retry);
            var masked = call.Phone.Masked;
            var sessionId = call.SessionId;
            jobs.Schedule<PlaceCallJob>(j => j.RunAsync(sessionId, n.Call, masked, CancellationToken.None), delay);
            await calls.RecordFollowUpScheduledAsync(call);
            Log.RetryScheduled(logger, call.SessionId, n.Call, delay.TotalSeconds);
        }
        return true;
    }
}
