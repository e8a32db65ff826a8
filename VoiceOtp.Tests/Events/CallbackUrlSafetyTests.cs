using System.Net;
using Microsoft.Extensions.Options;
using VoiceOtp.Core.Events;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Events;

public sealed class CallbackUrlSafetyTests
{
    private static VoiceOtpHost Host => TestEnvironment.Host;

    [TestCase("https://hooks.other.test/voiceotp", TestName = "Dispatch_Returns400_ForAHostOutsideTheAllowlist")]
    [TestCase("http://10.0.0.7/hook", TestName = "Dispatch_Returns400_ForAPrivateAddress")]
    [TestCase("http://192.168.1.20:8080/hook", TestName = "Dispatch_Returns400_ForAPrivateAddressWithPort")]
    [TestCase("http://169.254.169.254/latest/meta-data", TestName = "Dispatch_Returns400_ForTheMetadataAddress")]
    [TestCase("http://[::1]/hook", TestName = "Dispatch_Returns400_ForIPv6Loopback")]
    [TestCase("http://localhost/hook", TestName = "Dispatch_Returns400_ForLocalhostNotInTheAllowlist")]
    [TestCase("http://example.com/hook", TestName = "Dispatch_Returns400_ForTheWildcardsOwnDomain")]
    [TestCase("ftp://hooks.example.com/x", TestName = "Dispatch_Returns400_ForANonHttpScheme")]
    [TestCase("https://user:pw@hooks.example.com/x", TestName = "Dispatch_Returns400_ForCredentialsInTheUrl")]
    [TestCase("hooks.example.com/x", TestName = "Dispatch_Returns400_ForARelativeUrl")]
    public async Task Dispatch_Returns400_AndOpensNoSession_ForARefusedCallbackUrl(string url)
    {
        using var client = Host.Client();
        var number = TestPhones.Next();

        var (status, body) = await Api.PostAsync(client, "/dispatch_otp", new { destination_number = number, callback_url = url });
        var (verify, _) = await Api.VerifyAsync(client, number, "123456");

        Assert.That(status, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((string?)body["status"], Is.EqualTo("invalid"));
        Assert.That((string?)body["message"], Does.Contain("callback_url"));
        Assert.That(verify, Is.EqualTo(HttpStatusCode.NotFound), "nothing was opened");
    }

    [Test]
    public async Task Dispatch_Accepts_AHostMatchingAWildcard()
    {
        using var client = Host.Client();

        var (status, _) = await Api.PostAsync(client, "/dispatch_otp",
            new { destination_number = TestPhones.Next(), callback_url = "https://hooks.example.com/voiceotp" });

        Assert.That(status, Is.EqualTo(HttpStatusCode.OK));
    }

    // Only 127.0.0.1 is named; localhost resolves to it but is refused when the socket would open,
    // which is where a name that resolves (or is re-pointed) to a private address is caught.
    [Test]
    public async Task Connector_RefusesANameResolvingToLoopback_WhenOnlyTheAddressIsAllowlisted()
    {
        var hosts = new CallbackHostList(Options.Create(new EventOptions { CallbackHosts = ["127.0.0.1", "localhost.example.com"] }));
        using var http = new HttpClient(new SocketsHttpHandler
        {
            ConnectCallback = new CallbackConnector(hosts).ConnectAsync,
            UseProxy = false,
        });
        var allowed = TestEnvironment.Receiver.NewUrl();
        var byName = TestEnvironment.Receiver.NewUrl("localhost");

        using var ok = await http.PostAsync(allowed, new StringContent("{}"));
        var refused = Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(byName, new StringContent("{}")));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(refused!.InnerException, Is.TypeOf<CallbackHostNotAllowedException>());
        Assert.That(TestEnvironment.Receiver.ReceivedAt(byName), Is.Empty);
    }

    [Test]
    public async Task Connector_Connects_WhenTheAllowlistNamesTheLoopbackNameItself()
    {
        var hosts = new CallbackHostList(Options.Create(new EventOptions { CallbackHosts = ["localhost"] }));
        using var http = new HttpClient(new SocketsHttpHandler { ConnectCallback = new CallbackConnector(hosts).ConnectAsync });

        using var ok = await http.PostAsync(TestEnvironment.Receiver.NewUrl("localhost"), new StringContent("{}"));

        Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("127.0.0.1", false)]
    [TestCase("10.1.2.3", false)]
    [TestCase("172.16.0.1", false)]
    [TestCase("172.31.255.255", false)]
    [TestCase("172.32.0.1", true)]
    [TestCase("192.168.0.1", false)]
    [TestCase("169.254.1.1", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("100.128.0.1", true)]
    [TestCase("0.1.2.3", false)]
    [TestCase("224.0.0.1", false)]
    [TestCase("8.8.8.8", true)]
    [TestCase("::1", false)]
    [TestCase("::", false)]
    [TestCase("fc00::1", false)]
    [TestCase("fd12::1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("ff02::1", false)]
    [TestCase("::ffff:10.0.0.1", false)]
    [TestCase("::ffff:8.8.8.8", true)]
    [TestCase("2001:4860:4860::8888", true)]
    public void PublicAddress_ClassifiesTheAddress(string address, bool isPublic) =>
        Assert.That(PublicAddress.Is(IPAddress.Parse(address)), Is.EqualTo(isPublic));

    [TestCase("hooks.example.com", true)]
    [TestCase("a.b.example.com", true)]
    [TestCase("HOOKS.Example.COM.", true)]
    [TestCase("example.com", false)]
    [TestCase("evilexample.com", false)]
    [TestCase("example.com.evil.test", false)]
    [TestCase("api.acme.test", true)]
    [TestCase("www.api.acme.test", false)]
    public void HostList_MatchesExactHostsAndWildcards(string host, bool matches)
    {
        var hosts = new CallbackHostList(Options.Create(new EventOptions { CallbackHosts = ["*.example.com", "api.acme.test"] }));

        Assert.That(hosts.Matches(host), Is.EqualTo(matches));
    }
}
