using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using VoiceOtp.Core.Calls;

namespace VoiceOtp.Web.Dashboard;

// A page on the Hangfire dashboard for the call queue, which is not made of Hangfire jobs (see
// CallQueue): counts per state, and each call in the queue with where it is and what its record
// says, with masked numbers only. Ended calls are in GET /sessions/{id}.
public sealed class CallQueuePage : RazorPage
{
    public const string Route = "/calls";
    private const int Shown = 50;

    public override void Execute()
    {
        // Hangfire builds pages from a process-wide route table without DI, so the queue comes from
        // the request's services; pages render synchronously, and this admin page is not on the
        // API's request path.
        var queue = Context.GetHttpContext().RequestServices.GetRequiredService<CallQueue>();
        var snapshot = queue.SnapshotAsync(Shown).GetAwaiter().GetResult();
        Layout = new LayoutPage("Calls");
        WriteLiteral("<div class=\"row\"><div class=\"col-md-12\"><h1 class=\"page-header\">Calls</h1>");
        WriteLiteral("<p>Calls are placed from VoiceOtp's own Redis call queue by every engine instance, not by Hangfire jobs.</p>");
        WriteLiteral("<table class=\"table\"><tbody>");
        Row("Queued (ready or waiting for a retry)", snapshot.Ready);
        Row("In flight (claimed or posting to Plivo)", snapshot.InFlight);
        Row("Uncertain (the request may have reached Plivo; placed again only if no callback comes)", snapshot.Uncertain);
        Row("Sessions ended whose calls are being stopped at Plivo", snapshot.Stopping);
        WriteLiteral("</tbody></table>");
        WriteLiteral($"<h3>Calls in the queue (up to {Shown} per state)</h3><table class=\"table table-striped\"><thead><tr>"
            + "<th>State</th><th>Due, or until (UTC)</th><th>Number</th><th>Session</th><th>Call</th><th>Call record</th></tr></thead><tbody>");
        foreach (var c in snapshot.Calls)
        {
            Cell(c.Where + (c.FirstCall ? " (first call, goes before retries)" : ""), first: true);
            Cell(c.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
            Cell(c.MaskedNumber);
            Cell(c.Call.SessionId);
            Cell(c.Call.CallNumber.ToString(CultureInfo.InvariantCulture));
            Cell((c.Record?.WireName() ?? "none yet") + (c.NotSent > 0 ? $", not sent {c.NotSent}x (Plivo unreachable or 429)" : ""));
            WriteLiteral("</tr>");
        }
        WriteLiteral("</tbody></table></div></div>");
    }

    private void Cell(string text, bool first = false)
    {
        WriteLiteral(first ? "<tr><td>" : "<td>");
        Write(text);
        WriteLiteral("</td>");
    }

    private void Row(string label, long count)
    {
        WriteLiteral("<tr><th>");
        Write(label);
        WriteLiteral("</th><td>");
        Write(count);
        WriteLiteral("</td></tr>");
    }
}
