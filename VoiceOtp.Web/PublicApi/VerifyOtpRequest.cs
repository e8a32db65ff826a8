namespace VoiceOtp.Web.PublicApi;

// otp is bound as a string so that leading zeros survive.
public sealed class VerifyOtpRequest
{
    public string? DestinationNumber { get; set; }
    public string? SessionUuid { get; set; }
    public string? Otp { get; set; }

    public override string ToString() => nameof(VerifyOtpRequest);
}
