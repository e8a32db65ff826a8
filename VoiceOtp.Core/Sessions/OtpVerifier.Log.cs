using Microsoft.Extensions.Logging;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpVerifier
{
    private static partial class Log
    {
        [LoggerMessage(1, LogLevel.Debug, "Verify for {Phone}: {Status}, {Remaining} attempts remaining")]
        public static partial void Checked(ILogger logger, string phone, VerifyStatus status, int remaining);
    }
}
