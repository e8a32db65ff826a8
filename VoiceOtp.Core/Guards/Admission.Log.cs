using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Guards;

public sealed partial class Admission
{
    private static partial class Log
    {
        // The scope is a country or a country and a short prefix, never a number.
        [LoggerMessage(1, LogLevel.Warning, "Circuit breaker for {Scope} opened ({Reason}); dispatches there are refused for {Seconds} s or until an admin resets it")]
        public static partial void BreakerOpened(ILogger logger, string scope, string reason, int seconds);
    }
}
