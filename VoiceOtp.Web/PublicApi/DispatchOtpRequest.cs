namespace VoiceOtp.Web.PublicApi;

public sealed class DispatchOtpRequest
{
    public string? DestinationNumber { get; set; }
    public string? BrandName { get; set; }
    public string? CallbackUrl { get; set; }
}
