using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using VoiceOtp.Core;
using VoiceOtp.Core.Plivo;
using VoiceOtp.Web.Dashboard;
using VoiceOtp.Web.PlivoSimulator;

namespace VoiceOtp.Tests.Hosting;

public sealed class OptionsValidatorTests
{
    [Test]
    public void NistProfile_AcceptsTheDefaults()
    {
        var result = new VoiceOtpOptionsValidator().Validate(null, Valid(new VoiceOtpOptions { Profile = VoiceOtpOptions.NistProfile }));

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [Test]
    public void NistProfile_RefusesADailyLimitAbove100()
    {
        var result = new VoiceOtpOptionsValidator().Validate(null,
            Valid(new VoiceOtpOptions { Profile = VoiceOtpOptions.NistProfile, WrongCodesPerNumberPerDay = 101 }));

        Assert.That(result.Failed, Is.True);
        Assert.That(result.FailureMessage, Does.Contain("VoiceOtp:WrongCodesPerNumberPerDay"));
    }

    [Test]
    public void Profile_RefusesAnUnknownName()
    {
        var result = new VoiceOtpOptionsValidator().Validate(null, Valid(new VoiceOtpOptions { Profile = "lenient" }));

        Assert.That(result.FailureMessage, Does.Contain("VoiceOtp:Profile"));
    }

    [Test]
    public void WithoutAProfile_LimitsMayBeTurnedOff()
    {
        var result = new VoiceOtpOptionsValidator().Validate(null,
            Valid(new VoiceOtpOptions { WrongCodesPerNumberPerHour = 0, WrongCodesPerNumberPerDay = 0, CodeLength = 4 }));

        Assert.That(result.Succeeded, Is.True, result.FailureMessage);
    }

    [TestCase("Development", false, true)]
    [TestCase("Production", false, false)]
    [TestCase("Production", true, true)]
    [TestCase("Staging", false, false)]
    public void Simulator_RunsOutsideDevelopment_OnlyWhenAllowed(string environment, bool allow, bool accepted)
    {
        var validator = new SimulatorOptionsValidator(new HostingEnvironment { EnvironmentName = environment });

        var result = validator.Validate(null, new PlivoOptions { Simulator = true, AllowSimulator = allow });

        Assert.That(result.Succeeded, Is.EqualTo(accepted));
    }

    [Test]
    public void Dashboard_AcceptsBothCredentials_WithoutAnonymousLoopback()
    {
        var result = new DashboardAccessOptionsValidator().Validate(null,
            new DashboardAccessOptions { Username = "admin", Password = "a-long-password" });

        Assert.That(result.Succeeded, Is.True);
    }

    private static VoiceOtpOptions Valid(VoiceOtpOptions o)
    {
        o.PublicBaseUrl = "https://otp.example.com";
        o.ApiKeys = ["0123456789abcdef"];
        o.CodeKey = Convert.ToBase64String(new byte[32]);
        return o;
    }
}
