using System.Diagnostics;
using StackExchange.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// A real redis-server started from the repository's redis.conf on a free port with a throw-away
// data folder. A missing redis-server fails the run: these tests are worthless without it.
public sealed class RedisServer : IAsyncDisposable
{
    private Process _process;
    private bool _running = true;
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

    public ConnectionMultiplexer Connection { get; private set; }

    public static async Task<RedisServer> StartAsync()
    {
        var port = FreePort.Next();
        var dataDir = Directory.CreateTempSubdirectory("voiceotp-redis-").FullName;
        var (process, connection) = await LaunchAsync(port, dataDir);
        return new RedisServer(process, dataDir, port, connection);
    }

    // An outage: the data is saved first, as the production redis.conf's persistence would keep it.
    public async Task StopAsync()
    {
        await Connection.GetDatabase().ExecuteAsync("SAVE");
        await Connection.DisposeAsync();
        _running = false;
        _process.Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    // Back on the same port with the saved data, but with an empty script cache, as after a restart.
    public async Task RestartAsync()
    {
        (_process, Connection) = await LaunchAsync(Port, _dataDir);
        _running = true;
    }

    private static async Task<(Process, ConnectionMultiplexer)> LaunchAsync(int port, string dataDir)
    {
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
                var connection = await ConnectionMultiplexer.ConnectAsync($"127.0.0.1:{port},connectTimeout=1000,allowAdmin=true");
                return (process, connection);
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await Connection.DisposeAsync();
            if (!_process.HasExited)
            {
                _process.Kill();
                await _process.WaitForExitAsync();
            }
            _process.Dispose();
        }
        Directory.Delete(_dataDir, recursive: true);
    }
}
