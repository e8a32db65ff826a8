using System.Diagnostics;
using StackExchange.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// A real redis-server started from the repository's redis.conf on a free port with a throw-away
// data folder. A missing redis-server fails the run: these tests are worthless without it.
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dataDir;

    private RedisServer(Process process, string dataDir, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        _dataDir = dataDir;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public ConnectionMultiplexer Connection { get; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        var dataDir = Directory.CreateTempSubdirectory("voiceotp-redis-").FullName;
        var info = new ProcessStartInfo("redis-server")
        {
            ArgumentList = { RepoPaths.RedisConf, "--port", port.ToString(), "--dir", dataDir, "--appendonly", "no", "--save", "" },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed; run the README's test command, which installs it", e);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=1000");
                return new RedisServer(process, dataDir, port, connection);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
