using System.Xml.Linq;
using VoiceOtp.Core.Plivo;
using static VoiceOtp.Tests.Plivo.PlivoVectors;

namespace VoiceOtp.Tests.Plivo;

public sealed class PlivoXmlWriterTests
{
    // Each vector's Node "input" rewritten with our writer, element for element.
    private static readonly Dictionary<string, Action<PlivoXmlWriter>> SameDocuments = new()
    {
        ["xml-01-otp-polly-ssml"] = xml =>
        {
            xml.EmptyElement("Wait", ("length", "1"));
            xml.StartElement("Speak", ("voice", "Polly.Joanna"), ("language", "en-US"));
            xml.Text("Your Acme verification code is ");
            xml.EmptyElement("break", ("time", "300ms"));
            Element(xml, "say-as", "4 8 2 9 1 3", ("interpret-as", "spell-out"));
            xml.Text(". I repeat, ");
            Element(xml, "prosody", "482913", ("rate", "slow"));
            xml.EndElement();
            xml.EmptyElement("Hangup");
        },
        ["xml-02-escaping-brand"] = xml =>
            Element(xml, "Speak", "Smith & Jones' <Bank> says: \"your code is 4 8 2 9\" > ok",
                ("voice", "WOMAN"), ("language", "en-GB"), ("loop", "2")),
        ["xml-03-getdigits-repeat-menu"] = xml =>
        {
            xml.StartElement("GetDigits",
                ("action", "https://otp.example.com/plivo/digits?otp_id=ot_8f3k2&attempt=2"), ("method", "POST"),
                ("numDigits", "1"), ("timeout", "7"), ("finishOnKey", ""), ("validDigits", "1"), ("redirect", "true"));
            xml.StartElement("Speak", ("voice", "Polly.Matthew"));
            xml.Text("Your code is ");
            Element(xml, "say-as", "482913", ("interpret-as", "digits"));
            xml.Text(". Press 1 to hear it again.");
            xml.EndElement();
            xml.EndElement();
            Element(xml, "Speak", "Goodbye.");
            xml.EmptyElement("Hangup", ("reason", "rejected"));
        },
    };

    private static IEnumerable<TestCaseData> SameDocumentCases() =>
        SameDocuments.Keys.Select(id => new TestCaseData(id).SetArgDisplayNames(id));

    private static void Element(PlivoXmlWriter xml, string name, string text, params (string, string)[] attributes)
    {
        xml.StartElement(name, attributes);
        xml.Text(text);
        xml.EndElement();
    }

    private static string Response(Action<PlivoXmlWriter> body)
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");
        body(xml);
        xml.EndElement();
        return xml.ToString();
    }

    [TestCaseSource(nameof(SameDocumentCases))]
    public void ToString_EqualsNodeBuilderOutput_ForVector(string id)
    {
        var expected = Text(Find("xml", id), "output");

        Assert.That(Response(SameDocuments[id]), Is.EqualTo(expected));
    }

    [Test]
    public void ToString_KeepsEscapedQuote_WhereNodeBuilderBreaksTheAttribute()
    {
        const string action = "https://otp.example.com/x?brand=\"Acme\"";
        var nodeOutput = Text(Find("xml", "xml-04-quirk-quote-in-attribute"), "output");

        var output = Response(xml => xml.EmptyElement("GetDigits", ("action", action)));

        Assert.That(output, Is.EqualTo("<Response><GetDigits action=\"https://otp.example.com/x?brand=&quot;Acme&quot;\"/></Response>"));
        Assert.That(output, Is.Not.EqualTo(nodeOutput));
        Assert.That(XDocument.Parse(output).Root!.Element("GetDigits")!.Attribute("action")!.Value, Is.EqualTo(action));
    }

    [TestCase("</Speak><Play>http://evil</Play>")]
    [TestCase("&amp; <x>")]
    [TestCase("a\r\nb\tc 😀")]
    public void Text_RoundTripsAsText_WhenItLooksLikeMarkup(string hostile)
    {
        var output = Response(xml => Element(xml, "Speak", hostile, ("voice", hostile)));

        var speak = XDocument.Parse(output).Root!.Element("Speak")!;
        Assert.That(speak.Elements(), Is.Empty);
        Assert.That(speak.Value, Is.EqualTo(hostile));
        Assert.That(speak.Attribute("voice")!.Value, Is.EqualTo(hostile));
    }

    // Lone surrogates cannot go in [TestCase]: attribute strings are stored as UTF-8 and get replaced.
    private static readonly string[] NotXml = ["4829\u00013", "4829\uFFFE13", "4829\uD80013", "4829\uDC0013", "4829\u001B"];

    [TestCaseSource(nameof(NotXml))]
    public void Text_ThrowsWithoutQuotingValue_WhenCharacterIsNotAllowedInXml(string secret)
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Speak");

        Assert.That(() => xml.Text(secret),
            Throws.ArgumentException.With.Message.Not.Contain("4829").And.Message.Not.Contain("13"));
        Assert.That(() => xml.EmptyElement("break", ("time", secret)),
            Throws.ArgumentException.With.Message.Not.Contain("4829").And.Message.Not.Contain("13"));
        xml.EndElement();
        Assert.That(xml.ToString(), Is.EqualTo("<Speak/>"));
    }

    [Test]
    public void ToString_Throws_WhenElementIsLeftOpen()
    {
        var xml = new PlivoXmlWriter();
        xml.StartElement("Response");

        Assert.That(() => xml.ToString(), Throws.InvalidOperationException);
    }

    [Test]
    public void EndElement_Throws_WhenNothingIsOpen()
    {
        Assert.That(() => new PlivoXmlWriter().EndElement(), Throws.InvalidOperationException);
    }

    [TestCase("")]
    [TestCase("Speak voice")]
    [TestCase("a<b")]
    public void StartElement_Throws_WhenNameIsNotPlain(string name)
    {
        Assert.That(() => new PlivoXmlWriter().StartElement(name), Throws.ArgumentException);
        Assert.That(() => new PlivoXmlWriter().StartElement("Speak", (name, "v")), Throws.ArgumentException);
    }
}
