using OpenQA.Selenium;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Demo;

// The demo page in a real headless Chromium against the real app (its own process, simulator and
// demo on), clicking through it as a person would and reading the code off the phone panel.
[NonParallelizable]
public sealed class DemoPageTests
{
    private const int MaxAttempts = 3;
    private AppProcess _app = null!;
    private HeadlessChromium _browser = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        var baseUrl = $"http://127.0.0.1:{FreePort.Next()}";
        var run = Guid.NewGuid().ToString("N")[..8];
        var settings = TestSettings.For(baseUrl, TestEnvironment.Redis.Configuration, $"demo:{{{run}}}:", $"{{demo-jobs-{run}}}:");
        settings["Plivo:Simulator"] = "true";
        settings["Demo:Enabled"] = "true";
        settings["VoiceOtp:MaxVerifyAttempts"] = MaxAttempts.ToString();
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
    public void SignUp_ShowsVerified_WhenTheCodeFromThePhonePanelIsTyped()
    {
        var code = SignUp(TestPhones.Next());
        _browser.Screenshot("demo-code-entry");

        Type(code);

        var outcome = _browser.Wait().Until(d => OutcomeIs(d, "verified"));
        Assert.That(outcome.FindElement(By.Id("outcome-title")).Text, Is.EqualTo("Phone verified"));
        Assert.That(outcome.FindElement(By.Id("outcome-message")).Text, Does.Contain("Your phone number is verified."));
        _browser.Screenshot("demo-verified");
    }

    [Test]
    public void SignUp_CountsDownAttemptsThenShowsLocked_WhenWrongCodesAreTyped()
    {
        var wrong = Wrong(SignUp(TestPhones.Next()));

        for (var left = MaxAttempts - 1; left >= 1; left--)
        {
            Type(wrong);
            var expected = left == 1 ? "1 attempt left." : $"{left} attempts left.";
            _browser.Wait().Until(d => d.FindElement(By.Id("code-message")).Text.EndsWith(expected, StringComparison.Ordinal));
        }
        Type(wrong);

        var outcome = _browser.Wait().Until(d => OutcomeIs(d, "locked"));
        Assert.That(outcome.FindElement(By.Id("outcome-title")).Text, Is.EqualTo("Too many wrong codes"));
        _browser.Screenshot("demo-locked");
    }

    [Test]
    public void SignUp_ExplainsTheFormat_WhenTheNumberIsInvalid()
    {
        Open();
        _browser.Driver.FindElement(By.Id("phone")).SendKeys("12345");
        _browser.Driver.FindElement(By.Id("call")).Click();

        var message = _browser.Wait().Until(d => d.FindElement(By.Id("number-message")).Text is { Length: > 0 } t ? t : null);
        Assert.That(message, Does.Contain("international format"));
        Assert.That(_browser.Driver.FindElement(By.Id("code-form")).Displayed, Is.False);
    }

    private void Open()
    {
        _browser.Driver.Navigate().GoToUrl(_app.BaseUrl + "/demo/");
        // The panel is shown once the page has read its configuration, so the form is wired by then.
        _browser.Wait().Until(d => d.FindElement(By.Id("phone-panel")).Displayed);
    }

    // Signs the number up and returns the code the simulated phone heard.
    private string SignUp(string number)
    {
        Open();
        _browser.Driver.FindElement(By.Id("phone")).SendKeys(number);
        _browser.Driver.FindElement(By.Id("call")).Click();
        _browser.Wait().Until(d => d.FindElement(By.Id("code-form")).Displayed);
        Assert.That(_browser.Driver.FindElement(By.Id("calling-message")).Text, Does.StartWith("We are calling " + number));
        var heard = _browser.Wait().Until(d => d.FindElements(By.CssSelector("#phone-calls .call .heard"))
            .Select(e => e.Text).FirstOrDefault(SimulatorCalls.HasCode));
        _browser.Wait().Until(d => d.FindElement(By.Id("call-status")).GetAttribute("data-call") is "answered" or "heard");
        return SimulatorCalls.CodeIn(heard);
    }

    private void Type(string code)
    {
        var input = _browser.Driver.FindElement(By.Id("code"));
        input.Clear();
        input.SendKeys(code);
        _browser.Driver.FindElement(By.Id("verify")).Click();
    }

    private static IWebElement? OutcomeIs(IWebDriver driver, string outcome)
    {
        var element = driver.FindElement(By.Id("outcome"));
        return element.Displayed && element.GetAttribute("data-outcome") == outcome ? element : null;
    }

    private static string Wrong(string code) => (code[0] == '9' ? '0' : (char)(code[0] + 1)) + code[1..];
}
