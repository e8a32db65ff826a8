using Microsoft.Extensions.Logging;
using VoiceOtp.Core.Events;
using VoiceOtp.Core.Guards;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Core.Calls;

// Use case: a call ended. An unanswered call is a domain event, not an error: record-call-outcome.lua
// queues the next call in the call queue, due after its delay, at most once however often Plivo
// repeats the callback.
public sealed partial class HangupRecorder(
    CallStore calls,
    CallAnswerStore answers,
    CallRetrySchedule schedule,
    SessionEvents events,
    VoiceOtpMetrics metrics,
    SpendRecorder spend,
    ILogger<HangupRecorder> logger)
{
    public async Task<bool> RecordAsync(string token, CallCallbackParameters p)
    {
        var call = await calls.FindAsync(token);
        if (call is null)
            return false;
        var outcome = CallOutcomes.FromCallStatus(p.CallStatus).Refine(await answers.FindStateAsync(call));
        var next = await calls.RecordOutcomeAsync(call, outcome, p.CallUuid ?? "", schedule.MaxCalls, schedule.Delays,
            schedule.MinTimeLeft);
        // Redis knows the number by its id only; the status record has its region and mask.
        var record = await events.CallEndedAsync(call, p, next is not null);
        var region = record?.Region ?? SpendRecorder.UnknownRegion;
        metrics.CallEnded(region, outcome);
        Log.Ended(logger, call.SessionId, call.CallNumber, record?.MaskedNumber ?? "", outcome, p.HangupCause ?? "");
        await spend.RecordAsync(call, region, p.BilledSeconds);
        if (next is { } n)
            Log.RetryScheduled(logger, call.SessionId, n.Call, n.Delay.TotalSeconds);
        return true;
    }
}
