using System.Diagnostics;
using System.Text;

namespace VoiceOtp.Tests.Infrastructure;

// The built VoiceOtp.Web run as its own OS process, configured through environment variables the
// way an operator would, with everything it prints captured for inspection.
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public string BaseUrl { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public static AppProcess Start(string baseUrl, IDictionary<string, string> settings)
    {
        var webDll = Path.Combine(TestContext.CurrentContext.TestDirectory.Replace("VoiceOtp.Tests", "VoiceOtp.Web"), "VoiceOtp.Web.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { webDll },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Path.GetDirectoryName(webDll)!,
        };
        foreach (var (key, value) in settings)
            info.Environment[key.Replace(":", "__")] = value;
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        return new AppProcess(Process.Start(info)!, baseUrl);
    }

    public async Task WaitUntilListeningAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(BaseUrl) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            Assert.That(_process.HasExited, Is.False, "the app stopped during start-up:\n" + Output);
            try
            {
                using var _ = await http.GetAsync("/");
                return;
            }
            catch (HttpRequestException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(200);
            }
        }
    }

    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
