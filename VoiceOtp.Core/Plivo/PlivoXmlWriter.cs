using System.Text;
using System.Xml;

namespace VoiceOtp.Core.Plivo;

// Writes Plivo XML byte for byte as Plivo's Node builder does for well-formed input: no declaration,
// no whitespace between elements, attributes in the order given, empty elements self-closed. Unlike
// that builder it keeps "&quot;" inside attributes, where the Node builder emits a bare quote and
// breaks the document.
public sealed class PlivoXmlWriter
{
    private readonly StringBuilder _xml = new();
    private readonly Stack<string> _open = new();

    // True while the last start tag still lacks its '>', so EndElement can turn it into "/>".
    private bool _startTagPending;

    public void StartElement(string name, params (string Name, string Value)[] attributes)
    {
        WriteStartTag(name, attributes);
        _open.Push(name);
        _startTagPending = true;
    }

    public void EmptyElement(string name, params (string Name, string Value)[] attributes)
    {
        WriteStartTag(name, attributes);
        _xml.Append("/>");
    }

    public void Text(string text)
    {
        CheckXmlChars(text, nameof(text));
        if (text.Length == 0)
            return;
        ClosePendingStartTag();
        AppendEscaped(text, inAttribute: false);
    }

    public void EndElement()
    {
        if (!_open.TryPop(out var name))
            throw new InvalidOperationException("No element is open.");
        if (_startTagPending)
        {
            _xml.Append("/>");
            _startTagPending = false;
        }
        else
        {
            _xml.Append("</").Append(name).Append('>');
        }
    }

    public override string ToString() =>
        _open.Count == 0 ? _xml.ToString() : throw new InvalidOperationException("Elements are still open.");

    private void WriteStartTag(string name, (string Name, string Value)[] attributes)
    {
        // Everything is checked before anything is written, so a refused value leaves no trace in the
        // document.
        CheckName(name);
        foreach (var (attributeName, value) in attributes)
        {
            CheckName(attributeName);
            CheckXmlChars(value, nameof(attributes));
        }

        ClosePendingStartTag();
        _xml.Append('<').Append(name);
        foreach (var (attributeName, value) in attributes)
        {
            _xml.Append(' ').Append(attributeName).Append("=\"");
            AppendEscaped(value, inAttribute: true);
            _xml.Append('"');
        }
    }

    private void ClosePendingStartTag()
    {
        if (_startTagPending)
            _xml.Append('>');
        _startTagPending = false;
    }

    // Tabs and line breaks become character references where a parser would otherwise normalise
    // them (to spaces in attributes, CR to LF in text), so every value reads back exactly.
    private void AppendEscaped(string value, bool inAttribute)
    {
        foreach (var c in value)
        {
            var escaped = c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' when inAttribute => "&quot;",
                '\t' when inAttribute => "&#x9;",
                '\n' when inAttribute => "&#xA;",
                '\r' => "&#xD;",
                _ => null,
            };
            if (escaped is null)
                _xml.Append(c);
            else
                _xml.Append(escaped);
        }
    }

    // Values can be secrets (the code) or caller input (a brand name), so the message never quotes
    // the value or the offending character.
    private static void CheckXmlChars(string value, string paramName)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (XmlConvert.IsXmlChar(value[i]))
                continue;
            if (i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]))
            {
                i++;
                continue;
            }
            throw new ArgumentException("The value holds a character that XML 1.0 does not allow.", paramName);
        }
    }

    // Names come from our own code, never from input, so a plain character check is enough.
    private static void CheckName(string name)
    {
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ':' or '_'))
            throw new ArgumentException("Not a valid XML name.", nameof(name));
    }
}
