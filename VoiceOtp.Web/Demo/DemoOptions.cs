namespace VoiceOtp.Web.Demo;

public sealed class DemoOptions
{
    public const string Section = "Demo";

    // Off by default: the page places real calls when the simulator is off.
    public bool Enabled { get; set; }

    // Like the dashboard, the page answers direct loopback connections only unless this is set.
    public bool AllowRemote { get; set; }

    // What a product would enforce between two "call me again" clicks.
    public int ResendAfterSeconds { get; set; } = 30;
}
