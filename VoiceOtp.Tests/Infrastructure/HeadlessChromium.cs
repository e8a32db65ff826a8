using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;

namespace VoiceOtp.Tests.Infrastructure;

// Debian's chromium driven through Debian's chromedriver. Both paths are given explicitly, so
// Selenium Manager is never asked to find (or download) a driver or a browser.
public sealed class HeadlessChromium : IDisposable
{
    private readonly string _profileDir;

    private HeadlessChromium(ChromeDriver driver, string profileDir)
    {
        Driver = driver;
        _profileDir = profileDir;
    }

    public ChromeDriver Driver { get; }

    // Where the end-state screenshots land: a folder next to the test binaries, which survives the
    // test script's throw-away results directory.
    public static string ScreenshotDir => Path.Combine(TestContext.CurrentContext.TestDirectory, "screenshots");

    public static HeadlessChromium Start()
    {
        var driverPath = Installed("chromedriver", "/usr/bin/chromedriver");
        var browserPath = Installed("chromium", "/usr/bin/chromium");
        Environment.SetEnvironmentVariable("SE_OFFLINE", "true");
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(driverPath)!, Path.GetFileName(driverPath));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var profileDir = Directory.CreateTempSubdirectory("voiceotp-chromium-").FullName;
        var options = new ChromeOptions { BinaryLocation = browserPath };
        // --no-sandbox: CI runs the tests as root, where Chromium's sandbox refuses to start.
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--window-size=1280,860", "--no-first-run", "--disable-extensions", $"--user-data-dir={profileDir}");
        return new HeadlessChromium(new ChromeDriver(service, options, TimeSpan.FromSeconds(60)), profileDir);
    }

    public WebDriverWait Wait(int seconds = 30)
    {
        var wait = new WebDriverWait(Driver, TimeSpan.FromSeconds(seconds));
        // The page re-renders the phone panel every second, so an element found a moment ago may go stale.
        wait.IgnoreExceptionTypes(typeof(NoSuchElementException), typeof(StaleElementReferenceException));
        return wait;
    }

    public string Screenshot(string name)
    {
        Directory.CreateDirectory(ScreenshotDir);
        var path = Path.Combine(ScreenshotDir, name + ".png");
        Driver.GetScreenshot().SaveAsFile(path);
        TestContext.AddTestAttachment(path, name);
        return path;
    }

    private static string Installed(string name, string path)
    {
        if (!File.Exists(path))
            throw new InvalidOperationException($"{name} is not installed at {path}; run the README's test command, which installs it");
        return path;
    }

    public void Dispose()
    {
        Driver.Quit();
        Driver.Dispose();
        Directory.Delete(_profileDir, recursive: true);
    }
}
