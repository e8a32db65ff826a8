using Microsoft.Extensions.Logging;
using VoiceOtp.Core.Phones;

namespace VoiceOtp.Core.Sessions;

public sealed partial class OtpVerifier
{
    private static partial class Log
    {
        // The number goes in as itself, so that its mask (ToString) is made only when Debug is on:
        // every verify passes here, an attacker's wrong codes included.
        [LoggerMessage(1, LogLevel.Debug, "Verify for {Phone}: {Status}, {Remaining} attempts remaining")]
        public static partial void Checked(ILogger logger, PhoneNumber phone, VerifyStatus status, int remaining);
    }
}
