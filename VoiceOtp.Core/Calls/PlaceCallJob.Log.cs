using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Calls;

public sealed partial class PlaceCallJob
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} call {Call}: nothing to do (verified, locked, expired or already placed)")]
        public static partial void Skipped(ILogger logger, string sessionId, int call);

        [LoggerMessage(2, LogLevel.Information, "Session {SessionId} call {Call} to {Phone} placed, request {RequestUuid}")]
        public static partial void Placed(ILogger logger, string sessionId, int call, string phone, string requestUuid);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} call {Call} to {Phone} refused by Plivo with {Status}")]
        public static partial void Refused(ILogger logger, string sessionId, int call, string phone, int status);

        [LoggerMessage(4, LogLevel.Warning, "Session {SessionId} call {Call}: an earlier request may have reached Plivo; not calling again")]
        public static partial void Uncertain(ILogger logger, string sessionId, int call);
    }
}
