namespace VoiceOtp.Web.Hosting;

public sealed partial class EventOutboxPump
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Event outbox pump failed with {ExceptionType}; retrying")]
        public static partial void Failed(ILogger logger, string exceptionType);
    }
}
