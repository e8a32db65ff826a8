using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace VoiceOtp.Core.Plivo;

// X-Plivo-Signature-V3. Where Plivo's SDKs disagree this follows Node and Python, because Plivo's own
// test signatures validate with them; the .NET SDK drops explicit ports and decodes the query before
// splitting it, and both break real signatures.
public static class PlivoSignatureV3
{
    public static string BuildStringToSign(
        string method, Uri url, IEnumerable<KeyValuePair<string, string>> formParams, string nonce)
    {
        var (baseUrl, rawQuery) = SplitUrl(url);
        var query = ParseQuery(rawQuery);
        var body = formParams.ToList();
        var text = new StringBuilder(baseUrl);

        // Only an exact "GET" takes the GET shape, as in both SDKs; ASP.NET Core reports methods in
        // upper case, so nothing is lost by not normalising.
        if (method == "GET")
        {
            AppendQuery(text, [.. query, .. body]);
        }
        else if (body.Count == 0)
        {
            AppendQuery(text, query);
        }
        else
        {
            // The SDKs glue the body on with no separators at all, and put a "." between it and any
            // query; both look like accidents, but Plivo's servers sign the same way.
            text.Append('?');
            if (query.Count > 0)
                text.Append(JoinQuery(query)).Append('.');
            foreach (var (key, value) in Sorted(body))
                text.Append(key).Append(value);
        }

        return text.Append('.').Append(nonce).ToString();
    }

    public static string Compute(
        string method, Uri url, IEnumerable<KeyValuePair<string, string>> formParams, string nonce, string authToken) =>
        Sign(BuildStringToSign(method, url, formParams, nonce), authToken);

    public static bool IsValid(
        string method, Uri url, IEnumerable<KeyValuePair<string, string>> formParams, string nonce,
        string? signatureHeader, string authToken) =>
        !string.IsNullOrEmpty(nonce)
        && !string.IsNullOrEmpty(signatureHeader)
        && AnyEntryMatches(Compute(method, url, formParams, nonce, authToken), signatureHeader);

    internal static string Sign(string message, string authToken) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(authToken), Encoding.UTF8.GetBytes(message)));

    // Plivo may send several comma-separated signatures (token rotation, most likely). Entries are
    // compared untrimmed, as every SDK does, and every entry is compared so the time taken does not
    // tell which one matched.
    internal static bool AnyEntryMatches(string expected, string header)
    {
        var expectedBytes = Encoding.UTF8.GetBytes(expected);
        var matched = false;
        foreach (var entry in header.Split(','))
            matched |= CryptographicOperations.FixedTimeEquals(expectedBytes, Encoding.UTF8.GetBytes(entry));
        return matched;
    }

    // Splits the URL as written rather than through Uri's parsed parts: Uri lower-cases the host,
    // hides a default port written as ":443" and turns an empty path into "/", and the signature
    // covers the text Plivo requested. Only the scheme is lower-cased, as both SDKs' parsers do.
    // Userinfo and fragment are dropped.
    internal static (string BaseUrl, string Query) SplitUrl(Uri url)
    {
        var text = url.OriginalString.Trim();
        var schemeEnd = text.IndexOf("://", StringComparison.Ordinal);
        if (!url.IsAbsoluteUri || url.Scheme is not ("http" or "https") || schemeEnd < 0)
            throw new ArgumentException("An absolute http or https URL is required.", nameof(url));

        text = text[(schemeEnd + 3)..];
        var fragment = text.IndexOf('#');
        if (fragment >= 0)
            text = text[..fragment];
        var question = text.IndexOf('?');
        var query = question >= 0 ? text[(question + 1)..] : "";
        var hostAndPath = question >= 0 ? text[..question] : text;

        var pathStart = hostAndPath.IndexOf('/');
        var authority = pathStart >= 0 ? hostAndPath[..pathStart] : hostAndPath;
        var path = pathStart >= 0 ? hostAndPath[pathStart..] : "";
        var host = authority[(authority.LastIndexOf('@') + 1)..];
        return ($"{url.Scheme}://{host}{path}", query);
    }

    // Split on '&' and '=' before decoding, so an escaped "%26" or "%3D" stays inside its value.
    private static List<KeyValuePair<string, string>> ParseQuery(string query) =>
    [
        .. query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(pair =>
        {
            var equals = pair.IndexOf('=');
            return equals < 0
                ? new KeyValuePair<string, string>(WebUtility.UrlDecode(pair), "")
                : new KeyValuePair<string, string>(WebUtility.UrlDecode(pair[..equals]), WebUtility.UrlDecode(pair[(equals + 1)..]));
        }),
    ];

    private static void AppendQuery(StringBuilder text, List<KeyValuePair<string, string>> pairs)
    {
        if (pairs.Count > 0)
            text.Append('?').Append(JoinQuery(pairs));
    }

    private static string JoinQuery(IEnumerable<KeyValuePair<string, string>> pairs) =>
        string.Join('&', Sorted(pairs).Select(p => p.Key + "=" + p.Value));

    // Ordinal, so "CallStatus" < "CallUUID" < "CallerName" < "aLeg…" as in the SDKs; a repeated key
    // keeps all its values, sorted too.
    private static IEnumerable<KeyValuePair<string, string>> Sorted(IEnumerable<KeyValuePair<string, string>> pairs) =>
        pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ThenBy(p => p.Value, StringComparer.Ordinal);
}
