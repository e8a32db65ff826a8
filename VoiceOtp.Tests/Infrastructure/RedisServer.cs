using System.Diagnostics;
using System.Security.Cryptography;
using StackExchange.Redis;

namespace VoiceOtp.Tests.Infrastructure;

// A real redis-server started from the repository's redis.conf on a free port with a throw-away
// data folder, and a password made for this run. The password goes in on stdin (redis-server reads
// configuration from "-"), as scripts/run-local.sh does, so it never shows in a process listing.
// A missing redis-server fails the run: these tests are worthless without it.
public sealed class RedisServer : IAsyncDisposable
{
    public static readonly string Password = "test-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(16));

    private readonly string _dataDir;
    private readonly string[] _arguments;
    private Process _process;

    private RedisServer(Process process, string dataDir, int port, string[] arguments, ConnectionMultiplexer connection)
    {
        _process = process;
        _dataDir = dataDir;
        _arguments = arguments;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    // Our own admin connection: it may reconnect across a restart and send REPLICAOF.
    public ConnectionMultiplexer Connection { get; }

    // persistent: AOF and snapshots as redis.conf has them (the shared test server turns them off);
    // arguments: further redis-server options, such as a small maxmemory.
    public static async Task<RedisServer> StartAsync(bool persistent = false, params string[] arguments)
    {
        var port = FreePort.Next();
        var dataDir = Directory.CreateTempSubdirectory("voiceotp-redis-").FullName;
        string[] all = persistent ? arguments : ["--appendonly", "no", "--save", "", .. arguments];
        var process = Launch(port, dataDir, all);
        var connection = await ConnectAsync(port, process);
        return new RedisServer(process, dataDir, port, all, connection);
    }

    // Stops the server if it runs, the way an operator or a service manager does (SIGTERM: Redis
    // writes its data and exits), and starts it again on the same port, configuration and data folder.
    public async Task RestartAsync()
    {
        if (!_process.HasExited)
            await StopAsync();
        await StartAgainAsync();
    }

    public async Task StartAgainAsync()
    {
        StartAgainWithoutWaiting();
        await WaitUntilServingAsync();
    }

    // For watching the server while it loads its data: it answers LOADING until done.
    public void StartAgainWithoutWaiting()
    {
        _process.Dispose();
        _process = Launch(Port, _dataDir, _arguments);
    }

    // One command over a raw socket (after AUTH), so that no client library's handshake is involved;
    // returns the first line of the reply, or "" when nothing listens yet.
    public async Task<string> RawAsync(string command)
    {
        using var tcp = new System.Net.Sockets.TcpClient();
        try
        {
            await tcp.ConnectAsync("127.0.0.1", Port);
        }
        catch (System.Net.Sockets.SocketException)
        {
            return "";
        }
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync($"AUTH {Password}");
        await reader.ReadLineAsync();
        await writer.WriteLineAsync(command);
        return await reader.ReadLineAsync() ?? "";
    }

    // An outage. The data is saved first even where persistence is off, so that it comes back.
    public async Task StopAsync()
    {
        await Connection.GetDatabase().ExecuteAsync("SAVE");
        Signal("TERM");
        await _process.WaitForExitAsync();
    }

    // SIGSTOP: the server keeps its connections open but answers nothing, as a stalled host does.
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    public async Task WaitUntilServingAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                await Connection.GetDatabase().PingAsync();
                return;
            }
            catch (RedisException) when (DateTime.UtcNow < deadline && !_process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private static Process Launch(int port, string dataDir, string[] arguments)
    {
        var info = new ProcessStartInfo("redis-server")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in (string[])[RepoPaths.RedisConf, "--port", port.ToString(), "--dir", dataDir, .. arguments, "-"])
            info.ArgumentList.Add(a);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server is not installed; run the README's test command, which installs it", e);
        }
        process.StandardInput.WriteLine($"requirepass {Password}");
        process.StandardInput.Close();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task<ConnectionMultiplexer> ConnectAsync(int port, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            try
            {
                return await ConnectionMultiplexer.ConnectAsync(
                    $"127.0.0.1:{port},password={Password},connectTimeout=1000,allowAdmin=true,$CONFIG=");
            }
            catch (RedisConnectionException) when (DateTime.UtcNow < deadline && !process.HasExited)
            {
                await Task.Delay(100);
            }
        }
    }

    private void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString()]);
        kill.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Resume();
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        await Connection.DisposeAsync();
        _process.Dispose();
        Directory.Delete(_dataDir, recursive: true);
    }
}
