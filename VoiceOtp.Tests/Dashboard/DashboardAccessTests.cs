using System.Net;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Dashboard;

// Without Dashboard credentials the jobs dashboard is for direct loopback connections only.
public sealed class DashboardAccessTests
{
    [Test]
    public async Task Dashboard_OpensForADirectLoopbackRequest_WhenNoCredentialsAreSet()
    {
        using var client = TestEnvironment.Host.AnonymousClient();

        using var response = await client.GetAsync("/hangfire");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task Dashboard_Returns403_ForAProxiedRequest_WhenNoCredentialsAreSet()
    {
        using var client = TestEnvironment.Host.AnonymousClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");

        using var response = await client.SendAsync(request);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
