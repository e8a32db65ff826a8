using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Guards;

public sealed partial class SpendRecorder
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Information, "Session {SessionId} call {Call} to {Region}: {BilledSeconds} s billed, estimated cost {Cost}")]
        public static partial void Cost(ILogger logger, string sessionId, int call, string region, int billedSeconds, decimal cost);
    }
}
