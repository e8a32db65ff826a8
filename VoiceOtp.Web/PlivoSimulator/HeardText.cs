using System.Text;
using System.Xml.Linq;

namespace VoiceOtp.Web.PlivoSimulator;

// Turns Plivo XML into the words a callee would hear, the way a text-to-speech engine reads it:
// say-as spell-out letter by letter, everything outside <Speak> silent.
public static class HeardText
{
    public static string FromXml(string xml)
    {
        var root = XDocument.Parse(xml).Root;
        if (root is null || root.Name.LocalName != "Response")
            throw new FormatException("Plivo XML must have a <Response> root");
        var parts = root.Descendants("Speak").Select(Speak).Where(s => s.Length > 0);
        return string.Join(" ", parts);
    }

    public static string Speak(XElement speak)
    {
        var text = new StringBuilder();
        Append(speak, text);
        var words = string.Join(' ', text.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries));
        return words.Replace(" .", ".", StringComparison.Ordinal).Replace(" ,", ",", StringComparison.Ordinal);
    }

    private static void Append(XElement element, StringBuilder text)
    {
        foreach (var node in element.Nodes())
        {
            if (node is XText t)
                text.Append(t.Value);
            else if (node is XElement { Name.LocalName: "say-as" } sayAs
                     && (string?)sayAs.Attribute("interpret-as") is "spell-out" or "characters" or "digits")
                text.Append(' ').Append(string.Join(' ', sayAs.Value.Where(c => !char.IsWhiteSpace(c)))).Append(' ');
            else if (node is XElement { Name.LocalName: "break" })
                text.Append(' ');
            else if (node is XElement inner)
                Append(inner, text);
        }
    }
}
