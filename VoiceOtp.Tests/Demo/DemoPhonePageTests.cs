using OpenQA.Selenium;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Demo;

// The demo page in headless Chromium against an app whose every simulated call waits for a person
// (Plivo:SimulatorInteractive=true): the call is played by hand on the phone panel.
[NonParallelizable]
public sealed class DemoPhonePageTests
{
    private AppProcess _app = null!;
    private HeadlessChromium _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"demo:{{{run}}}:", $"{{demo-jobs-{run}}}:");
        settings["Plivo:Simulator"] = "true";
        settings["Plivo:SimulatorInteractive"] = "true";
        settings["Demo:Enabled"] = "true";
        _app = AppProcess.Start(baseUrl, settings);
        await _app.WaitUntilListeningAsync();
        _browser = HeadlessChromium.Start();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _browser?.Dispose();
        if (_app is not null)
            await _app.DisposeAsync();
    }

    [Test]
    public void PhonePanel_PlaysTheCallByHand_AndTheCodeItHeardVerifies()
    {
        var number = TestPhones.Next();
        _browser.Driver.Navigate().GoToUrl(_app.BaseUrl + "/demo/");
        _browser.Wait().Until(d => d.FindElement(By.Id("phone-panel")).Displayed);
        _browser.Driver.FindElement(By.Id("phone")).SendKeys(number);
        _browser.Driver.FindElement(By.Id("call")).Click();

        Click("#phone-calls .call[data-status='ringing'] button[data-action='answer']:not(:disabled)");
        var asked = Heard(t => t.StartsWith("“Press ", StringComparison.Ordinal));
        var key = asked["“Press ".Length..][..1];
        _browser.Screenshot("demo-phone-asks-for-key");
        Click($"#phone-calls .call[data-awaiting-key='true'] .keypad button[data-key='{key}']:not(:disabled)");
        var told = Heard(t => t.Contains("hear the code again", StringComparison.Ordinal));
        _browser.Screenshot("demo-phone-heard-code");

        var input = _browser.Driver.FindElement(By.Id("code"));
        input.SendKeys(SimulatorCalls.CodeIn(told));
        _browser.Driver.FindElement(By.Id("verify")).Click();

        var outcome = _browser.Wait().Until(d => d.FindElement(By.Id("outcome")) is { Displayed: true } e
            && e.GetAttribute("data-outcome") == "verified" ? e : null);
        Assert.That(outcome.FindElement(By.Id("outcome-title")).Text, Is.EqualTo("Phone verified"));
        Assert.That(asked, Does.StartWith("“Press " + key));
        Assert.That(_browser.Driver.FindElement(By.Id("phone-mode")).Text, Does.StartWith("Every call waits for you"));
    }

    // The panel re-renders every second, so the button is found and clicked in one retried step.
    private void Click(string css) => _browser.Wait().Until(d =>
    {
        d.FindElement(By.CssSelector(css)).Click();
        return true;
    });

    private string Heard(Func<string, bool> done) => _browser.Wait().Until(d =>
        d.FindElements(By.CssSelector("#phone-calls .call .heard")).Select(e => e.Text).FirstOrDefault(done));
}
