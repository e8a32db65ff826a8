using System.Text;
using Microsoft.Extensions.Options;

namespace VoiceOtp.Core.Events;

// POSTs one signed event. The HttpClient behind it (EventsRegistration) follows no redirect, uses
// no proxy, connects only through CallbackConnector and times out quickly; the answer's body is
// never read, only its status. Each way a delivery can go wrong has its own exception type
// (CallbackDeliveryException, CallbackReceiverRefusedException, CallbackHostNotAllowedException),
// which DeliveryRetryPolicy retries or fails.
public sealed class CallbackClient(HttpClient http, CallbackHostList hosts, IOptions<EventOptions> options, TimeProvider clock)
{
    public async Task PostAsync(string url, string eventId, string body, CancellationToken cancellationToken)
    {
        // Checked again at delivery: the allowlist may have shrunk since the dispatch.
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target) || target.Scheme is not ("http" or "https")
            || !hosts.Matches(target.IdnHost))
            throw new CallbackHostNotAllowedException("the callback URL is no longer allowed by VoiceOtp:CallbackHosts");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Add(CallbackSignature.TimestampHeader, timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add(CallbackSignature.SignatureHeader, CallbackSignature.Compute(options.Value.CallbackSecret, timestamp, body));
        request.Headers.Add(CallbackSignature.EventIdHeader, eventId);
        request.Headers.UserAgent.ParseAdd("VoiceOtp-Events/1");
        try
        {
            using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            var code = (int)response.StatusCode;
            if (code is >= 500 or 408 or 429)
                throw new CallbackDeliveryException($"the receiver answered {code}");
            if (!response.IsSuccessStatusCode)
                throw new CallbackReceiverRefusedException($"the receiver answered {code}" +
                    (code is >= 300 and < 400 ? " (redirects are not followed)" : ""));
        }
        catch (HttpRequestException e) when (e.InnerException is CallbackHostNotAllowedException refused)
        {
            throw new CallbackHostNotAllowedException(refused.Message);
        }
        catch (HttpRequestException e)
        {
            throw new CallbackDeliveryException("the receiver could not be reached: " + e.HttpRequestError);
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CallbackDeliveryException("the receiver did not answer in time");
        }
    }
}
