using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpDispatcher
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} for {Phone}: call {Call} enqueued ({Status})")]
        public static partial void Dispatched(ILogger logger, string sessionId, string phone, int call, DispatchStatus status);

        [LoggerMessage(2, LogLevel.Warning, "Session {SessionId} for {Phone}: dispatch refused ({Status})")]
        public static partial void Refused(ILogger logger, string sessionId, string phone, DispatchStatus status);
    }
}
