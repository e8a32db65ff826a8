using VoiceOtp.Core.Events;

namespace VoiceOtp.Tests.Events;

public sealed class EventOptionsValidatorTests
{
    [Test]
    public void Validator_RequiresTheSecret_WhenCallbackHostsAreSet()
    {
        var result = new EventOptionsValidator().Validate(null, new EventOptions { CallbackHosts = ["hooks.example.com"], CallbackSecret = "short" });

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("VoiceOtp:CallbackSecret").And.Not.Contain("short"));
    }

    [Test]
    public void Validator_NamesEachBadKey()
    {
        var result = new EventOptionsValidator().Validate(null, new EventOptions
        {
            CallbackHosts = ["*"],
            CallbackRetryDelaysSeconds = [0],
            CallbackTimeoutSeconds = 0,
            StatusRetentionSeconds = -1,
        });

        Assert.That(result.FailureMessage, Does.Contain("VoiceOtp:CallbackHosts").And.Contain("VoiceOtp:CallbackRetryDelaysSeconds")
            .And.Contain("VoiceOtp:CallbackTimeoutSeconds").And.Contain("VoiceOtp:StatusRetentionSeconds"));
    }

    [Test]
    public void Validator_Accepts_NoCallbacksAtAll()
    {
        Assert.That(new EventOptionsValidator().Validate(null, new EventOptions()).Succeeded, Is.True);
    }

    [Test]
    public void DefaultRetryDelays_SpanAboutADay()
    {
        var total = TimeSpan.FromSeconds(EventOptions.DefaultRetryDelaysSeconds.Sum());

        Assert.That(total, Is.InRange(TimeSpan.FromHours(22), TimeSpan.FromHours(26)));
    }
}
