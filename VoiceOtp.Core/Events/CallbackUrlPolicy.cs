using System.Net;

namespace VoiceOtp.Core.Events;

// Checked at dispatch, before anything is stored. The connect-time check (CallbackConnector)
// applies the same rules to the addresses a name resolves to when an event is delivered.
public sealed class CallbackUrlPolicy(CallbackHostList hosts)
{
    public const int MaxLength = 2000;

    public bool TryAccept(string? text, out Uri? url, out string? problem)
    {
        url = null;
        problem = null;
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxLength
            || !Uri.TryCreate(text, UriKind.Absolute, out var parsed) || parsed.Scheme is not ("http" or "https")
            || parsed.UserInfo.Length > 0 || parsed.Fragment.Length > 0 || parsed.IsFile)
        {
            problem = $"callback_url must be an absolute http(s) URL without credentials or fragment, at most {MaxLength} characters";
            return false;
        }
        var host = parsed.IdnHost;
        if (!hosts.Matches(host))
        {
            problem = "callback_url's host is not in this engine's callback allowlist (VoiceOtp:CallbackHosts)";
            return false;
        }
        if (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && !PublicAddress.Is(ip) && !hosts.NamesExactly(host))
        {
            problem = "callback_url points at a private or reserved address";
            return false;
        }
        url = parsed;
        return true;
    }
}
