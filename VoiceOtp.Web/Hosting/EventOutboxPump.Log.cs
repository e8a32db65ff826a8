namespace VoiceOtp.Web.Hosting;

public sealed partial class EventOutboxPump
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "Event outbox pump failed with {ExceptionType} (inner: {InnerType}); retrying")]
        public static partial void Failed(ILogger logger, string exceptionType, string innerType);
    }
}
