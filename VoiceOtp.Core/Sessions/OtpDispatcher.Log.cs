using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Session {SessionId} for {Phone}: call {Call} queued ({Status})")]
        public static partial void Dispatched(ILogger logger, string sessionId, string phone, int call, DispatchStatus status);

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId} for {Phone}: dispatch refused ({Status})")]
        public static partial void Refused(ILogger logger, string sessionId, string phone, DispatchStatus status);

        [LoggerMessage(3, LogLevel.Information, "Dispatch to {Phone} refused before any session: {Kind}")]
        public static partial void Blocked(ILogger logger, string phone, Guards.RefusalKind kind);
    }
}
