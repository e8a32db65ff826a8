namespace VoiceOtp.Web.PublicApi;

// Metadata that puts an endpoint outside the PublicApi controllers into the OpenAPI document.
public sealed class PublicApiEndpoint
{
    public static readonly PublicApiEndpoint Marker = new();

    private PublicApiEndpoint()
    {
    }
}
