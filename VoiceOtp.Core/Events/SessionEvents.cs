using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Core.Events;

// Use case: something happened to a session. Keeps its status record current and, when the
// session has a callback URL, puts the event into the outbox before the caller answers.
public sealed partial class SessionEvents(
    SessionStatusStore status,
    EventOutbox outbox,
    IOptions<VoiceOtpOptions> options,
    TimeProvider clock,
    ILogger<SessionEvents> logger)
{
    // The dispatch script wrote the status record with the session; only the expiry check is left.
    public Task SessionOpenedAsync(string sessionId, DateTimeOffset expiresAt, Uri? callbackUrl) =>
        callbackUrl is null ? Task.CompletedTask : outbox.AppendExpiryCheckAsync(sessionId, expiresAt);

    public async Task VerifyCheckedAsync(string sessionId, VerifyStatus result, int attemptsLeft)
    {
        // A rejection's attempts left were written by verify-code.lua itself.
        if (result is not (VerifyStatus.Verified or VerifyStatus.Locked))
            return;
        var state = result == VerifyStatus.Verified ? SessionState.Verified : SessionState.Locked;
        var record = await status.RecordEndAsync(sessionId, state, attemptsLeft, clock.GetUtcNow());
        await EmitAsync(record, state == SessionState.Verified ? SessionEvent.SessionVerified : SessionEvent.SessionLocked,
            sessionId, null, new JsonObject { ["attempts_used"] = (record?.MaxAttempts ?? 0) - attemptsLeft });
    }

    // followUpReserved: the engine has already reserved another call for this session. Returns the
    // session's status record (null when the call or the record is gone), whose region prices the call.
    public async Task<SessionRecord?> CallEndedAsync(CallRef call, CallCallbackParameters p, bool followUpReserved)
    {
        var fields = await status.RecordCallEndAsync(call, p.HangupCause, p.Duration, p.BillDuration, clock.GetUtcNow());
        if (fields is null)
            return null;
        var record = await status.FindAsync(call.SessionId);
        await EmitAsync(record, SessionEvent.CallEnded, call.SessionId, call.CallNumber, new JsonObject
        {
            ["call_number"] = call.CallNumber,
            ["outcome"] = CallStates.FromRecord(fields).WireName(),
            ["hangup_cause"] = fields.GetValueOrDefault("hangup_cause") is { Length: > 0 } cause ? cause : null,
            ["duration"] = SessionStatusStore.Int(fields, "duration"),
            ["bill_duration"] = SessionStatusStore.Int(fields, "bill_duration"),
        });
        if (!followUpReserved)
            await CallSettledAsync(call.Phone, call.SessionId, call.CallNumber, "not_answered");
        return record;
    }

    public Task CallRefusedAsync(PhoneId phone, string sessionId, int call) =>
        CallSettledAsync(phone, sessionId, call, "call_refused");

    // A session fails when its latest call is over without an answer, the engine will place no
    // further call on its own, and no earlier call of the session was answered either (so the
    // callee cannot have heard the code). A later dispatch that places a new call revives it.
    private async Task CallSettledAsync(PhoneId phone, string sessionId, int call, string reason)
    {
        var live = await status.FindLiveAsync(phone, sessionId);
        if (live is not { Status: "pending" } || live.Calls != call)
            return;
        var calls = await status.CallsAsync(phone, sessionId, call);
        if (calls.Any(c => c is null || !CallStates.FromRecord(c).HasEnded() || CallStates.FromRecord(c).WasAnswered()))
            return;
        var record = await status.RecordFailedAsync(sessionId, call, reason);
        await EmitAsync(record, SessionEvent.SessionFailed, sessionId, call,
            new JsonObject { ["reason"] = reason, ["calls"] = call });
    }

    // Called at the session's expiry time: reports session.expired if the session really ended
    // neither verified, locked nor failed. Null when it was reported; otherwise why nothing was sent.
    public async Task<string?> ReportExpiryAsync(string sessionId)
    {
        var record = await status.FindAsync(sessionId);
        if (record is null)
            return "the session's status record is no longer stored";
        if (await status.FindLiveAsync(record.Phone, sessionId) is { Status: "pending" })
            throw new SessionNotExpiredYetException(sessionId);
        var s = await status.ReadAsync(sessionId, clock.GetUtcNow(), options.Value.MaxCallsPerSession);
        if (s?.State != SessionState.Expired)
            return $"the session ended {s?.State.WireName() ?? "unknown"}, not expired";
        if (record.CallbackUrl is null)
            return "the session has no callback URL";
        await EmitAsync(record, SessionEvent.SessionExpired, sessionId, null, new JsonObject
        {
            ["attempts_used"] = s.AttemptsUsed,
            ["calls"] = s.Calls.Count,
        });
        return null;
    }

    private async Task EmitAsync(SessionRecord? record, string type, string sessionId, int? call, JsonObject details)
    {
        if (record?.CallbackUrl is not { } url)
            return;
        var e = SessionEvent.Create(type, sessionId, call, url, clock.GetUtcNow(), record.MaskedNumber, details);
        await outbox.AppendAsync(e);
        Log.Appended(logger, sessionId, type);
    }
}
