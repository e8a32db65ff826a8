namespace VoiceOtp.Core.Events;

// Nothing to do: the job found its work already done or no longer wanted (an event delivered by an
// earlier run, an expiry check for a session that was verified). SkippedJobStateAttribute turns it
// into Hangfire's Deleted state with this message as the reason, so such a job ends neither green
// (it did nothing) nor red (nothing went wrong).
public sealed class JobSkippedException(string reason) : Exception(reason);
