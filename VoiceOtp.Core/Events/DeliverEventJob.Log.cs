using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Events;

public sealed partial class DeliverEventJob
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Event {EventId} delivered")]
        public static partial void Delivered(ILogger logger, string eventId);

        [LoggerMessage(2, LogLevel.Warning, "Event {EventId} is no longer stored; nothing to deliver")]
        public static partial void Gone(ILogger logger, string eventId);
    }
}
