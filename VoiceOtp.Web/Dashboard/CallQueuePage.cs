using System.Globalization;
using Hangfire.Dashboard;
using Hangfire.Dashboard.Pages;
using VoiceOtp.Core.Calls;

namespace VoiceOtp.Web.Dashboard;

// A page on the Hangfire dashboard for the call queue, which is not made of Hangfire jobs (see
// CallQueue): counts per state and the next due calls, with masked numbers only.
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
        Row("Uncertain (the request may have reached Plivo; never posted again)", snapshot.Uncertain);
        WriteLiteral("</tbody></table>");
        WriteLiteral($"<h3>Next {Shown} due</h3><table class=\"table table-striped\"><thead><tr><th>Due (UTC)</th>"
            + "<th>Number</th><th>Session</th><th>Call</th></tr></thead><tbody>");
        foreach (var c in snapshot.NextDue)
        {
            WriteLiteral("<tr><td>");
            Write(c.DueAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture));
            WriteLiteral("</td><td>");
            Write(c.MaskedNumber);
            WriteLiteral("</td><td>");
            Write(c.Call.SessionId);
            WriteLiteral("</td><td>");
            Write(c.Call.CallNumber);
            WriteLiteral("</td></tr>");
        }
        WriteLiteral("</tbody></table></div></div>");
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
