namespace VoiceOtp.Core.Calls;

// What one attempt to place a call ended as, and what happens next. This is the whole retry policy
// of a Make-a-call request, in one place (calls are queue members, not Hangfire jobs, so no
// [AutomaticRetry] declares it):
public enum PlaceOutcome
{
    // Nothing sent: the session is no longer pending, the call already has Plivo's answer, or another
    // pump took it over (CallClaim says which).
    Skipped,
    // Plivo answered "call fired": the request uuid is recorded; callbacks tell the rest.
    Placed,
    // Plivo answered "call queued": held behind the account's calls-per-second; recorded the same way,
    // shown as queued until it rings.
    QueuedAtPlivo,
    // Not sent: the request surely never reached Plivo (no connection, Plivo's 429). Retry: back to
    // the ready queue after a pause (Retry-After, PlivoRateLimitPauseSeconds, or a doubling backoff).
    NotSentRetry,
    // Refused: a 4xx other than 429 (invalid number, bad credentials). Fail: recorded, never retried,
    // the session may fail.
    RefusedFail,
    // Outcome unknown: a timeout or a 5xx, Plivo may have placed it. Resolve: the call waits in
    // uncertain for a callback; none within UncertainWindowSeconds places it again, once.
    UnknownResolve,
}
