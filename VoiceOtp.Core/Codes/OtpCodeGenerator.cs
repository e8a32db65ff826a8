using System.Globalization;
using System.Security.Cryptography;

namespace VoiceOtp.Core.Codes;

public static class OtpCodeGenerator
{
    // GetInt32 rejects out-of-range draws internally, so every one of the 10^n values is equally
    // likely; a modulo over random bytes would favour the low codes.
    public static OtpCode Generate(int length)
    {
        if (length is < VoiceOtpOptions.MinCodeLength or > VoiceOtpOptions.MaxCodeLength)
            throw new ArgumentOutOfRangeException(nameof(length));
        var exclusiveMax = (int)Math.Pow(10, length);
        var value = RandomNumberGenerator.GetInt32(0, exclusiveMax);
        return OtpCode.FromDigits(value.ToString(CultureInfo.InvariantCulture).PadLeft(length, '0'));
    }
}
