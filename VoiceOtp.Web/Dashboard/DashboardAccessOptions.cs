namespace VoiceOtp.Web.Dashboard;

// A class, not a record: a record's generated ToString would print the password.
public sealed class DashboardAccessOptions
{
    public const string Section = "Dashboard";

    public string Username { get; set; } = "";
    public string Password { get; set; } = "";

    // Without credentials the dashboard trusts "direct loopback without forwarding headers", which a
    // reverse proxy that adds no such header defeats; so that mode has to be asked for by name.
    public bool AllowAnonymousLoopback { get; set; }

    public bool HasCredentials => Username.Length > 0 && Password.Length > 0;

    public override string ToString() => nameof(DashboardAccessOptions);
}
