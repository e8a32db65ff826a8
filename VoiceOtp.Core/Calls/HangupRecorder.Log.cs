using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Calls;

public sealed partial class HangupRecorder
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} call {Call} to {Phone} ended: {Outcome} ({HangupCause})")]
        public static partial void Ended(ILogger logger, string sessionId, int call, string phone, CallOutcome outcome, string hangupCause);

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId}: call {Call} scheduled in {Seconds} s")]
        public static partial void RetryScheduled(ILogger logger, string sessionId, int call, double seconds);
    }
}
