using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Plivo;

// A typed HttpClient for Plivo's Make-a-call API (and the two DELETEs that stop a call). It never
// retries: the call queue is the one retry layer, and a retried POST could ring the same phone twice.
public sealed class PlivoCallClient(HttpClient http, IOptions<PlivoOptions> options)
{
    public async Task<MakeCallResult> MakeCallAsync(MakeCallRequest body, CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = Request(HttpMethod.Post, "Call/", o);
        // Buffered, so that the request carries a Content-Length rather than chunked encoding.
        request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

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
                // "call queued": Plivo holds the call behind the account's calls-per-second limit.
                return new MakeCallResult(parsed.RequestUuid,
                    string.Equals(parsed.Message, "call queued", StringComparison.OrdinalIgnoreCase));
            var error = parsed?.Error ?? parsed?.Message ?? "no error text";
            if (response.IsSuccessStatusCode)
                throw new PlivoApiException(status, "Plivo answered without a request_uuid");
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
                throw new PlivoApiException(status, "Plivo's rate limit refused the request", notSent: true)
                {
                    RetryAfter = response.Headers.RetryAfter?.Delta
                        ?? (response.Headers.RetryAfter?.Date is { } at ? at - DateTimeOffset.UtcNow : null),
                };
            if (status >= 500)
                throw new PlivoApiException(status, $"Plivo answered {status}: {Truncate(error)}");
            throw new PlivoRequestRejectedException(status, $"Plivo refused the call with {status}: {Truncate(error)}");
        }
    }

    // DELETE …/Request/{request_uuid}/ cancels a call Plivo still holds in its queue; DELETE
    // …/Call/{call_uuid}/ hangs up a call that rings or is in progress. Returns false when Plivo no
    // longer knows it in that state (404): the call moved on or already ended.
    public Task<bool> CancelQueuedAsync(string requestUuid, CancellationToken ct) =>
        DeleteAsync("Request/" + Uri.EscapeDataString(requestUuid) + "/", ct);

    public Task<bool> HangUpAsync(string callUuid, CancellationToken ct) =>
        DeleteAsync("Call/" + Uri.EscapeDataString(callUuid) + "/", ct);

    private async Task<bool> DeleteAsync(string path, CancellationToken ct)
    {
        using var request = Request(HttpMethod.Delete, path, options.Value);
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (HttpRequestException e)
        {
            throw new PlivoApiException(null, "Plivo could not be reached: " + e.HttpRequestError, e);
        }
        catch (TaskCanceledException e) when (!ct.IsCancellationRequested)
        {
            throw new PlivoApiException(null, "Plivo did not answer in time", e);
        }
        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return true;
            if (status == 404)
                return false;
            throw new PlivoApiException(status, $"Plivo answered {status} to a DELETE");
        }
    }

    private static HttpRequestMessage Request(HttpMethod method, string path, PlivoOptions o)
    {
        var request = new HttpRequestMessage(method,
            new Uri($"{o.BaseUrl.TrimEnd('/')}/v1/Account/{Uri.EscapeDataString(o.AuthId)}/{path}"));
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes(o.AuthId + ":" + o.AuthToken)));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return request;
    }

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
