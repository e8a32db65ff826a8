namespace VoiceOtp.Core.Plivo;

// A failure worth retrying (network, timeout, 5xx, 429). It carries the status and Plivo's own error
// text, never the auth token or the request body. NotSent says the request surely never reached
// Plivo (no connection, or Plivo's 429), so a retry cannot ring the phone twice.
public class PlivoApiException(int? status, string message, Exception? inner = null, bool notSent = false)
    : Exception(message, inner)
{
    public int? Status { get; } = status;

    public bool NotSent { get; } = notSent;

    // Plivo's Retry-After on a 429, when it sent one.
    public TimeSpan? RetryAfter { get; init; }
}
