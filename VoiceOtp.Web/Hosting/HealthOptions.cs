namespace VoiceOtp.Web.Hosting;

public sealed class HealthOptions
{
    public const string Section = "Health";

    // Load balancers probe without credentials, so the health endpoints are open unless asked.
    public bool RequireDashboardAuth { get; set; }
}
