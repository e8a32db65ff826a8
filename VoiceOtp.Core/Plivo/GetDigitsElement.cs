using System.Globalization;

namespace VoiceOtp.Core.Plivo;

// A one-key <GetDigits>. Plivo posts Digits to the action only when a key came; on no input (or
// only invalid keys) after the given tries it goes on with the element after the GetDigits, which
// is why every caller puts its fallback there. redirect="true" makes Plivo play the XML the action
// returns instead of the rest of this document.
public static class GetDigitsElement
{
    public static void Start(PlivoXmlWriter xml, string actionUrl, int timeoutSeconds, string? validDigits = null)
    {
        List<(string, string)> attributes =
        [
            ("action", actionUrl), ("method", "POST"), ("numDigits", "1"),
            ("timeout", timeoutSeconds.ToString(CultureInfo.InvariantCulture)), ("retries", "1"),
            ("redirect", "true"), ("playBeep", "false"),
        ];
        if (validDigits is not null)
            attributes.Add(("validDigits", validDigits));
        xml.StartElement("GetDigits", [.. attributes]);
    }
}
