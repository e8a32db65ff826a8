using System.Security.Cryptography;
using VoiceOtp.Core.Calls;
using VoiceOtp.Core.Phones;
using VoiceOtp.Core.Sessions;

namespace VoiceOtp.Tests.Infrastructure;

public static class TestTokens
{
    // Well formed, naming a call that no engine ever placed.
    public static string Unknown() =>
        CallToken.For(new CallRef(new PhoneId(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16))), SessionId.New(), 1));
}
