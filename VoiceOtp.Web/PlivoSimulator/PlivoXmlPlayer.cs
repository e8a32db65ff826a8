using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace VoiceOtp.Web.PlivoSimulator;

// Plays Plivo XML element by element as Plivo does: Speak is heard, Wait and Play pass, Hangup
// ends the call, Redirect fetches the next document, and GetDigits plays its prompt, waits for a
// key and posts it to its action; with no (valid) key after its tries Plivo does not call the
// action and goes on with the next element.
public sealed class PlivoXmlPlayer(WebhookSender sender)
{
    private const int MaxDocuments = 50;
    private const string DefaultValidDigits = "1234567890*#";

    public async Task<PlayEnd> PlayAsync(SimulatedCall call, ICallee callee, string xml,
        IReadOnlyList<KeyValuePair<string, string>> callFields, CancellationToken ct)
    {
        for (var document = 0; document < MaxDocuments; document++)
        {
            XElement root;
            try
            {
                root = XDocument.Parse(xml).Root ?? throw new XmlException("no root");
            }
            catch (XmlException)
            {
                return PlayEnd.XmlError;
            }
            if (root.Name.LocalName != "Response")
                return PlayEnd.XmlError;
            string? next = null;
            foreach (var element in root.Elements())
            {
                if (call.HungUp.IsCancellationRequested)
                    return PlayEnd.CalleeHungUp;
                switch (element.Name.LocalName)
                {
                    case "Speak":
                        call.Hear(HeardText.Speak(element));
                        break;
                    case "Hangup":
                        return PlayEnd.HangupElement;
                    case "Redirect":
                        next = await FetchAsync(element.Value.Trim(), Method(element), callFields, ct);
                        break;
                    case "GetDigits":
                        next = await GetDigitsAsync(call, callee, element, callFields, ct);
                        break;
                }
                if (next is not null)
                    break;
            }
            if (next is null)
                return call.HungUp.IsCancellationRequested ? PlayEnd.CalleeHungUp : PlayEnd.EndOfXml;
            xml = next;
        }
        return PlayEnd.XmlError;
    }

    // Returns the document to play next, or null to go on with the element after the GetDigits.
    private async Task<string?> GetDigitsAsync(SimulatedCall call, ICallee callee, XElement element,
        IReadOnlyList<KeyValuePair<string, string>> callFields, CancellationToken ct)
    {
        var prompt = string.Join(" ", element.Elements("Speak").Select(HeardText.Speak).Where(s => s.Length > 0));
        var timeout = TimeSpan.FromSeconds(Number(element, "timeout", 5));
        var tries = Math.Max(1, Number(element, "retries", 1));
        var valid = (string?)element.Attribute("validDigits") ?? DefaultValidDigits;
        for (var i = 0; i < tries; i++)
        {
            call.Hear(prompt);
            var key = await callee.KeyAsync(call, prompt, timeout, call.HungUp.Token);
            if (key is null)
                continue;
            call.Press(key.Value);
            if (!valid.Contains(key.Value))
                continue;
            var action = (string?)element.Attribute("action");
            if (string.IsNullOrEmpty(action))
                return null;
            var xml = await FetchAsync(action, Method(element), [.. callFields, new("Digits", key.Value.ToString())], ct);
            return (string?)element.Attribute("redirect") == "false" ? null : xml;
        }
        return null;
    }

    private async Task<string?> FetchAsync(string url, string method, IReadOnlyList<KeyValuePair<string, string>> fields,
        CancellationToken ct)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var target))
            return "<Response/>";
        using var response = await sender.SendAsync(method, target, fields, ct);
        // Plivo ends the call when a fetched document cannot be had.
        return response.IsSuccessStatusCode ? await response.Content.ReadAsStringAsync(ct) : "<Response><Hangup/></Response>";
    }

    private static string Method(XElement element) =>
        ((string?)element.Attribute("method"))?.ToUpperInvariant() == "GET" ? "GET" : "POST";

    private static int Number(XElement element, string attribute, int fallback) =>
        int.TryParse((string?)element.Attribute(attribute), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : fallback;
}
