using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Events;

public sealed partial class SessionEvents
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId}: {Event} queued for delivery")]
        public static partial void Appended(ILogger logger, string sessionId, string @event);
    }
}
