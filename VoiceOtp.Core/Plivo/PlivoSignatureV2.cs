namespace VoiceOtp.Core.Plivo;

// The older X-Plivo-Signature-V2 covers only scheme://host[:port]/path, followed by the nonce with no
// separator; the query and the body are not signed, so V3 is what guards our webhooks.
public static class PlivoSignatureV2
{
    public static string Compute(Uri url, string nonce, string authToken) =>
        PlivoSignatureV3.Sign(PlivoSignatureV3.SplitUrl(url).BaseUrl + nonce, authToken);

    public static bool IsValid(Uri url, string nonce, string? signatureHeader, string authToken) =>
        !string.IsNullOrEmpty(nonce)
        && !string.IsNullOrEmpty(signatureHeader)
        && PlivoSignatureV3.AnyEntryMatches(Compute(url, nonce, authToken), signatureHeader);
}
