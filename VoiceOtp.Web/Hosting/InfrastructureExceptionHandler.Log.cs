namespace VoiceOtp.Web.Hosting;

public sealed partial class InfrastructureExceptionHandler
{
    private static partial class Log
    {
        // The type only: exception messages from deep inside may quote request content.
        [LoggerMessage(1, LogLevel.Error, "Request to {Route} failed with {ExceptionType}")]
        public static partial void Failed(ILogger logger, string exceptionType, string route);

        [LoggerMessage(2, LogLevel.Warning, "Request to {Route} answered 503: Redis is unavailable ({Failure})")]
        public static partial void StorageUnavailable(ILogger logger, string route, string failure);
    }
}
