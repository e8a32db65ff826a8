using Microsoft.Extensions.Options;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Plivo;

public sealed class PlivoCallClientTests
{
    private FakePlivo _plivo = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _plivo = await FakePlivo.StartAsync();

    [OneTimeTearDown]
    public async Task StopAsync() => await _plivo.DisposeAsync();

    [Test]
    public async Task MakeCall_ReturnsTheRequestUuid_AndSendsABufferedJsonBody()
    {
        var before = _plivo.Calls.Count;

        var placed = await Client(_plivo.BaseUrl).MakeCallAsync(Request(), CancellationToken.None);

        var call = _plivo.Calls.ElementAt(before);
        Assert.That(placed.RequestUuid, Is.EqualTo(call.RequestUuid));
        Assert.That(placed.QueuedAtPlivo, Is.False);
        Assert.That(call.ContentLength, Is.GreaterThan(0), "a Content-Length, not chunked encoding");
        Assert.That((string?)call.Body["answer_method"], Is.EqualTo("POST"));
    }

    [Test]
    public void MakeCall_ThrowsRejected_ForAPermanentRefusal()
    {
        _plivo.FailNext.Enqueue(400);

        var e = Assert.ThrowsAsync<PlivoRequestRejectedException>(() => Client(_plivo.BaseUrl).MakeCallAsync(Request(), CancellationToken.None));

        Assert.That(e!.Status, Is.EqualTo(400));
        Assert.That(e.Message, Does.Contain("simulated failure 400").And.Not.Contain(TestSettings.PlivoAuthToken));
    }

    [TestCase(429, true)]
    [TestCase(500, false)]
    [TestCase(503, false)]
    public void MakeCall_SaysWhetherTheRequestSurelyWentUnprocessed_ForATransientFailure(int status, bool notSent)
    {
        _plivo.FailNext.Enqueue(status);

        var e = Assert.ThrowsAsync<PlivoApiException>(() => Client(_plivo.BaseUrl).MakeCallAsync(Request(), CancellationToken.None));

        Assert.That(e, Is.Not.InstanceOf<PlivoRequestRejectedException>());
        Assert.That(e!.NotSent, Is.EqualTo(notSent));
    }

    [Test]
    public async Task MakeCall_SaysQueuedAtPlivo_WhenPlivoAnswersCallQueued()
    {
        _plivo.QueueCalls = true;
        try
        {
            var placed = await Client(_plivo.BaseUrl).MakeCallAsync(Request(), CancellationToken.None);

            Assert.That(placed.QueuedAtPlivo, Is.True);
            Assert.That(placed.RequestUuid, Is.Not.Empty);
        }
        finally
        {
            _plivo.QueueCalls = false;
        }
    }

    [Test]
    public async Task StopCall_SendsTheTwoDeletes_ToPlivosRequestAndCallUrls()
    {
        var client = Client(_plivo.BaseUrl);
        var requestUuid = Guid.NewGuid().ToString();
        var callUuid = Guid.NewGuid().ToString();

        var cancelled = await client.CancelQueuedAsync(requestUuid, CancellationToken.None);
        var hungUp = await client.HangUpAsync(callUuid, CancellationToken.None);

        Assert.That(cancelled && hungUp, Is.True);
        Assert.That(_plivo.Deletes, Does.Contain($"Request/{requestUuid}/").And.Contain($"Call/{callUuid}/"));
    }

    [Test]
    public void MakeCall_SaysNotSent_WhenPlivoCannotBeReached()
    {
        var closed = $"http://127.0.0.1:{FreePort.Next()}";

        var e = Assert.ThrowsAsync<PlivoApiException>(() => Client(closed).MakeCallAsync(Request(), CancellationToken.None));

        Assert.That(e!.NotSent, Is.True);
    }

    private static PlivoCallClient Client(string baseUrl) => new(new HttpClient(), Options.Create(new PlivoOptions
    {
        AuthId = "MACLIENTTEST00000001", AuthToken = TestSettings.PlivoAuthToken, CallerId = "+14155550100", BaseUrl = baseUrl,
    }));

    private static MakeCallRequest Request() => new()
    {
        From = "+14155550100", To = TestPhones.Next(),
        AnswerUrl = "http://127.0.0.1:9/plivo/answer/x", HangupUrl = "http://127.0.0.1:9/plivo/hangup/x",
        RingTimeout = 30, TimeLimit = 120,
    };
}
