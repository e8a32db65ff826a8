namespace VoiceOtp.Web.Hosting;

public sealed partial class CallPump
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Warning, "The call pump is disabled (Calls:PumpEnabled=false): queued calls wait for another instance")]
        public static partial void Disabled(ILogger logger);

        [LoggerMessage(2, LogLevel.Warning, "The call pump could not reach Redis ({Error}); trying again")]
        public static partial void RedisFailed(ILogger logger, string error);

        [LoggerMessage(3, LogLevel.Warning, "Session {SessionId} call {Call}: placing failed ({Error}); its lease decides what happens next")]
        public static partial void CallFailed(ILogger logger, string sessionId, int call, string error);

        [LoggerMessage(4, LogLevel.Error, "The call pump's upkeep (uncertain calls, cancels) failed ({Error}); trying again")]
        public static partial void UpkeepFailed(ILogger logger, string error);
    }
}
