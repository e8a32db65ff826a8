using Hangfire;
using StackExchange.Redis;

namespace VoiceOtp.Core.Events;

// Scheduled for a session's expiry time when a session with a callback URL opens (stopping its
// calls at expiry is CallCanceller's, for every session). Every outcome is a state on the dashboard:
//   session.expired sent            Succeeded
//   SessionNotExpiredYetException   Redis still holds the session as pending: retried shortly
//   JobSkippedException             the session ended verified, locked or failed: Deleted ("Skipped: ...")
// Redis trouble is retried with the same delays; anything else fails at once.
[SkippedJobState]
public sealed class SessionExpiryJob(SessionEvents events)
{
    [JobDisplayName("Expiry of session {0}")]
    [AutomaticRetry(Attempts = 9, DelaysInSeconds = [1, 1, 2, 5, 10, 30, 60, 300, 900], OnAttemptsExceeded = AttemptsExceededAction.Fail,
        OnlyOn = [typeof(SessionNotExpiredYetException), typeof(RedisException), typeof(RedisTimeoutException)])]
    public async Task RunAsync(string sessionId, CancellationToken cancellationToken)
    {
        if (await events.ReportExpiryAsync(sessionId) is { } nothingSent)
            throw new JobSkippedException(nothingSent);
    }
}
