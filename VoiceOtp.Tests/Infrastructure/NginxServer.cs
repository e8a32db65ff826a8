using System.Diagnostics;
using System.Net.Sockets;

namespace VoiceOtp.Tests.Infrastructure;

// Debian's nginx running the repository's deploy/nginx/voiceotp.conf from a throw-away prefix, as its
// own process that the test stops by PID. Only the TLS and listen lines, the upstream port and the log
// path are changed; every location is the committed one.
public sealed class NginxServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _dir;

    private NginxServer(Process process, string dir, int port)
    {
        _process = process;
        _dir = dir;
        Port = port;
    }

    public int Port { get; }

    public string Origin => $"http://127.0.0.1:{Port}";

    public string AccessLog => File.Exists(Path.Combine(_dir, "access.log")) ? File.ReadAllText(Path.Combine(_dir, "access.log")) : "";

    private static string Binary => File.Exists("/usr/sbin/nginx") ? "/usr/sbin/nginx" : "nginx";

    public static string CommittedConfig => Path.Combine(RepoPaths.Root, "deploy", "nginx", "voiceotp.conf");

    // nginx writes its access log line after the response, so readers wait for it.
    public async Task<string> WaitForLogAsync(Func<string, bool> has)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!has(AccessLog) && DateTime.UtcNow < deadline)
            await Task.Delay(50);
        return AccessLog;
    }

    public static async Task<NginxServer> StartAsync(int port, int upstreamPort)
    {
        var dir = Directory.CreateTempSubdirectory("voiceotp-nginx-").FullName;
        File.WriteAllText(Path.Combine(dir, "voiceotp.conf"), TestVariant(File.ReadAllText(CommittedConfig), dir, port, upstreamPort));
        // master_process off: one process, no switch to a worker user, so it runs the same with or
        // without root, and stopping it by PID stops all of it.
        File.WriteAllText(Path.Combine(dir, "nginx.conf"), $$"""
            daemon off;
            master_process off;
            pid {{dir}}/nginx.pid;
            error_log {{dir}}/error.log warn;
            events { worker_connections 64; }
            http {
                client_body_temp_path {{dir}}/client_body;
                proxy_temp_path {{dir}}/proxy;
                fastcgi_temp_path {{dir}}/fastcgi;
                uwsgi_temp_path {{dir}}/uwsgi;
                scgi_temp_path {{dir}}/scgi;
                include {{dir}}/voiceotp.conf;
            }
            """);
        var info = new ProcessStartInfo(Binary)
        {
            ArgumentList = { "-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-e", Path.Combine(dir, "error.log") },
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
            throw new InvalidOperationException("nginx is not installed; run the README's test command, which installs it", e);
        }
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new NginxServer(process, dir, port);
        await server.WaitUntilListeningAsync();
        return server;
    }

    // `nginx -t` on the committed file with its TLS lines kept: only the certificate paths point at a
    // throw-away self-signed pair, and 443 becomes a free loopback port.
    public static async Task<(int ExitCode, string Output)> CheckWithTlsAsync(int port)
    {
        var dir = Directory.CreateTempSubdirectory("voiceotp-nginx-tls-").FullName;
        try
        {
            using var key = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=otp.example.com", key,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddDays(1));
            File.WriteAllText(Path.Combine(dir, "cert.pem"), cert.ExportCertificatePem());
            File.WriteAllText(Path.Combine(dir, "key.pem"), key.ExportPkcs8PrivateKeyPem());
            var config = File.ReadAllText(CommittedConfig)
                .Replace("/etc/letsencrypt/live/otp.example.com/fullchain.pem", Path.Combine(dir, "cert.pem"))
                .Replace("/etc/letsencrypt/live/otp.example.com/privkey.pem", Path.Combine(dir, "key.pem"))
                .Replace("listen 443 ssl http2;", $"listen 127.0.0.1:{port} ssl http2;")
                .Replace("listen [::]:443 ssl http2;", "")
                .Replace("/var/log/nginx/voiceotp.access.log", Path.Combine(dir, "access.log"));
            File.WriteAllText(Path.Combine(dir, "voiceotp.conf"), config);
            File.WriteAllText(Path.Combine(dir, "nginx.conf"),
                $"pid {dir}/nginx.pid;\nerror_log {dir}/error.log;\nevents {{}}\nhttp {{ include {dir}/voiceotp.conf; }}\n");
            var info = new ProcessStartInfo(Binary)
            {
                ArgumentList = { "-t", "-p", dir, "-c", Path.Combine(dir, "nginx.conf"), "-e", Path.Combine(dir, "error.log") },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(info)!;
            var output = await process.StandardError.ReadToEndAsync() + await process.StandardOutput.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, output);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    // The committed file with plain HTTP on a loopback port instead of TLS on 443.
    public static string TestVariant(string committed, string dir, int port, int upstreamPort)
    {
        var lines = committed.Split('\n').ToList();
        var replaced = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            string? substitute = line switch
            {
                "listen 443 ssl http2;" => $"    listen 127.0.0.1:{port};",
                "listen [::]:443 ssl http2;" => "",
                "server 127.0.0.1:5000;" => $"    server 127.0.0.1:{upstreamPort};",
                "access_log /var/log/nginx/voiceotp.access.log voiceotp;" => $"    access_log {dir}/access.log voiceotp;",
                _ when line.StartsWith("ssl_", StringComparison.Ordinal) => "",
                _ when line.StartsWith("add_header Strict-Transport-Security", StringComparison.Ordinal) => "",
                _ => null,
            };
            if (substitute is null)
                continue;
            lines[i] = substitute;
            replaced++;
        }
        Assert.That(replaced, Is.EqualTo(9), "deploy/nginx/voiceotp.conf changed shape; update NginxServer.TestVariant with it");
        return string.Join('\n', lines);
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            Assert.That(_process.HasExited, Is.False, "nginx stopped at start-up:\n" + ErrorLog());
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", Port);
                return;
            }
            catch (SocketException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }
        }
    }

    private string ErrorLog() => File.Exists(Path.Combine(_dir, "error.log")) ? File.ReadAllText(Path.Combine(_dir, "error.log")) : "";

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        Directory.Delete(_dir, recursive: true);
    }
}
