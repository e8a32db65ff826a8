using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Plivo;

// A typed HttpClient for Plivo's Make-a-call API. It never retries: the call queue is the one retry layer,
// and a retried POST could ring the same phone twice.
public sealed class PlivoCallClient(HttpClient http, IOptions<PlivoOptions> options)
{
    public async Task<string> MakeCallAsync(MakeCallRequest body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(HttpMethod.Post, CallUrl(o))
        {
            // Buffered, so that the request carries a Content-Length rather than chunked encoding.
            Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(o.AuthId + ":" + o.AuthToken)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));

        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            var notSent = e.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
                or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError;
            throw new PlivoApiException(null, "Plivo could not be reached: " + e.HttpRequestError, e, notSent);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new PlivoApiException(null, "Plivo did not answer in time", e);
        }
        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken);
            var parsed = TryParse(text);
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode && !string.IsNullOrEmpty(parsed?.RequestUuid))
                return parsed.RequestUuid;
            var error = parsed?.Error ?? parsed?.Message ?? "no error text";
            if (response.IsSuccessStatusCode)
                throw new PlivoApiException(status, "Plivo answered without a request_uuid");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new PlivoApiException(status, "Plivo's rate limit refused the request", notSent: true);
            if (status >= 500)
                throw new PlivoApiException(status, $"Plivo answered {status}: {Truncate(error)}");
            throw new PlivoRequestRejectedException(status, $"Plivo refused the call with {status}: {Truncate(error)}");
        }
    }

    private static Uri CallUrl(PlivoOptions o) =>
        new($"{o.BaseUrl.TrimEnd('/')}/v1/Account/{Uri.EscapeDataString(o.AuthId)}/Call/");

    private static MakeCallResponse? TryParse(string text)
    {
        try
        {
            return JsonSerializer.Deserialize<MakeCallResponse>(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200];
}
