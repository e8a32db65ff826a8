using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;

namespace VoiceOtp.Web.PlivoSimulator;

// Sends a callback as Plivo's servers do: V3-signed, the parameters as a form for POST and in the
// query string for GET.
public sealed class WebhookSender(IHttpClientFactory httpClients, IOptions<PlivoOptions> plivo)
{
    public const string HttpClientName = "plivo-simulator";

    public Task<HttpResponseMessage> SendAsync(string method, Uri url, IReadOnlyList<KeyValuePair<string, string>> fields,
        CancellationToken ct)
    {
        var isGet = method == "GET";
        var target = isGet ? WithQuery(url, fields) : url;
        IReadOnlyList<KeyValuePair<string, string>> signed = isGet ? [] : fields;
        var nonce = RandomNumberGenerator.GetString("0123456789", 20);
        var request = new HttpRequestMessage(isGet ? HttpMethod.Get : HttpMethod.Post, target);
        if (!isGet)
            request.Content = new FormUrlEncodedContent(fields);
        request.Headers.Add("X-Plivo-Signature-V3-Nonce", nonce);
        request.Headers.Add("X-Plivo-Signature-V3",
            PlivoSignatureV3.Compute(request.Method.Method, target, signed, nonce, plivo.Value.AuthToken));
        request.Headers.UserAgent.ParseAdd("PlivoHTTP/1.0 (VoiceOtp simulator)");
        return httpClients.CreateClient(HttpClientName).SendAsync(request, ct);
    }

    // Concatenated rather than rebuilt with UriBuilder, which would rewrite the host and port
    // and so change the URL the signature covers.
    private static Uri WithQuery(Uri url, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var query = string.Join('&', fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value)));
        var original = url.OriginalString;
        var separator = original.Contains('?') ? "&" : "?";
        return new Uri(original + separator + query);
    }
}
