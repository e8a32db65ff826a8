using PhoneNumbers;

namespace VoiceOtp.Core.Phones;

// What logs, job arguments, events, the status document and the dashboard show of a number: the
// country calling code and the last 2 digits, every other digit a '*', so the mask keeps the length
// of the national number ("+14155550123" → "+1********23", "+442079460123" → "+44********23").
// Two digits leave 100 candidates per country and length, too many to dial through yet enough for a
// support agent to tell two numbers of one user apart.
public static class PhoneMask
{
    private static readonly PhoneNumberUtil Util = PhoneNumberUtil.GetInstance();

    public const int VisibleTailDigits = 2;

    public static string Of(string e164)
    {
        var ccLength = CountryCodeLength(e164);
        var national = e164.Length - 1 - ccLength;
        if (ccLength == 0 || national <= VisibleTailDigits)
            return new string('*', e164.Length);
        return e164[..(1 + ccLength)] + new string('*', national - VisibleTailDigits) + e164[^VisibleTailDigits..];
    }

    // Calling codes are prefix-free (ITU-T E.164), so the first known code of 1 to 3 digits is the one.
    private static int CountryCodeLength(string e164)
    {
        for (var length = 1; length <= 3 && e164.Length > length + 1; length++)
            if (int.TryParse(e164.AsSpan(1, length), out var code) && Util.GetRegionCodeForCountryCode(code) != "ZZ")
                return length;
        return 0;
    }
}
