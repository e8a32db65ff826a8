namespace VoiceOtp.Core.Plivo;

// Plivo refused the call for good (4xx other than 429: bad number, barred country, bad credentials);
// retrying would fail the same way, so the job's AutomaticRetry excludes this type.
public sealed class PlivoRequestRejectedException(int status, string message) : PlivoApiException(status, message);
