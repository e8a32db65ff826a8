using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Calls;

public sealed partial class CallPlacer
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} call {Call}: nothing to do ({Claim}: verified, locked, expired, already placed or taken over)")]
        public static partial void Skipped(ILogger logger, string sessionId, int call, CallClaim claim);

        [LoggerMessage(2, LogLevel.Debug, "Session {SessionId} call {Call} to {Phone} placed, request {RequestUuid} (queued at Plivo: {Queued})")]
        public static partial void Placed(ILogger logger, string sessionId, int call, string phone, string requestUuid, bool queued);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} call {Call} to {Phone} refused by Plivo with {Status}")]
        public static partial void Refused(ILogger logger, string sessionId, int call, string phone, int status);

        [LoggerMessage(4, LogLevel.Warning, "Session {SessionId} call {Call}: not sent ({Reason}); queued again in {Seconds} s")]
        public static partial void NotSent(ILogger logger, string sessionId, int call, string reason, double seconds);

        [LoggerMessage(5, LogLevel.Warning, "Session {SessionId} call {Call}: {Reason}; Plivo may have placed it, so it waits {Seconds} s for a callback before it is placed again")]
        public static partial void MaybeSent(ILogger logger, string sessionId, int call, string reason, double seconds);

        [LoggerMessage(6, LogLevel.Error, "Session {SessionId} call {Call}: its sealed number does not open (was VoiceOtp:CodeKey changed?); not placed")]
        public static partial void Unsealable(ILogger logger, string sessionId, int call);
    }
}
