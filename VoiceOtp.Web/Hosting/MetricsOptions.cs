namespace VoiceOtp.Web.Hosting;

public sealed class MetricsOptions
{
    public const string Section = "Metrics";

    // Traffic by country is business data, so /metrics follows the dashboard's rule (Basic
    // credentials, or direct loopback when none are set) unless this is turned off.
    public bool RequireDashboardAuth { get; set; } = true;
}
