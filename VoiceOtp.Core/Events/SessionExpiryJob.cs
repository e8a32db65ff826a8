using Hangfire;

namespace VoiceOtp.Core.Events;

// Scheduled for a session's expiry time when a session with a callback URL opens; sends
// session.expired if the session really ended neither verified, locked nor failed.
public sealed class SessionExpiryJob(SessionEvents events, IBackgroundJobClient jobs)
{
    [JobDisplayName("Expiry of session {0}")]
    [AutomaticRetry(Attempts = 5, DelaysInSeconds = [10, 30, 60, 300, 900])]
    public async Task RunAsync(string sessionId, CancellationToken cancellationToken)
    {
        // Redis expires the key a moment after the clock we scheduled by; look again shortly.
        if (!await events.ExpiryDueAsync(sessionId))
            jobs.Schedule<SessionExpiryJob>(j => j.RunAsync(sessionId, CancellationToken.None), TimeSpan.FromSeconds(1));
    }
}
