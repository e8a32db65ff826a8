namespace VoiceOtp.Core.Plivo;

// A failure worth retrying (network, timeout, 5xx, 429). It carries the status and Plivo's own error
// text, never the auth token or the request body.
public class PlivoApiException(int? status, string message, Exception? inner = null)
    : Exception(message, inner)
{
    public int? Status { get; } = status;
}
