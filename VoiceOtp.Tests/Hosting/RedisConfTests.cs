using System.Net.Sockets;
using VoiceOtp.Tests.Infrastructure;

namespace VoiceOtp.Tests.Hosting;

// redis.conf as the tests run it (the shared server uses it with a password on stdin), spoken to
// over a raw socket so that no client library helps or hides anything.
public sealed class RedisConfTests
{
    [Test]
    public async Task Redis_RefusesCommands_WithoutThePassword()
    {
        var replies = await SendAsync("PING");

        Assert.That(replies[0], Does.StartWith("-NOAUTH"));
    }

    [TestCase("CONFIG GET requirepass")]
    [TestCase("CONFIG SET appendonly no")]
    [TestCase("FLUSHALL")]
    [TestCase("FLUSHDB")]
    [TestCase("DEBUG SLEEP 0")]
    [TestCase("MODULE LOAD /nonexistent/module.so")]
    public async Task Redis_RefusesDangerousCommands_EvenWithThePassword(string command)
    {
        var replies = await SendAsync($"AUTH {RedisServer.Password}", command);

        Assert.That(replies[0], Is.EqualTo("+OK"));
        Assert.That(replies[1], Does.StartWith("-ERR").And.Contain("unknown command").Or.Contain("not allowed"));
    }

    private static async Task<string[]> SendAsync(params string[] commands)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync("127.0.0.1", TestEnvironment.Redis.Port);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream);
        await using var writer = new StreamWriter(stream) { NewLine = "\r\n", AutoFlush = true };
        var replies = new List<string>();
        foreach (var command in commands)
        {
            await writer.WriteLineAsync(command);
            replies.Add(await reader.ReadLineAsync() ?? "");
        }
        return replies.ToArray();
    }
}
