using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>
/// A redis-server of a test's own (test.sh installs the binary), for tests that stop and restart Redis under a running
/// host; the shared one from test.sh must stay up for everyone else.
/// </summary>
public sealed class RedisServerProcess : IAsyncDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("gridbot-redis-").FullName;
    private Process? _process;

    private RedisServerProcess(int port) => Port = port;

    public int Port { get; }

    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServerProcess> StartAsync(CancellationToken cancellationToken)
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        var server = new RedisServerProcess(port);
        await server.StartAgainAsync(cancellationToken);
        return server;
    }

    /// <summary>Starts the server on the same port (after <see cref="Kill"/>) and waits until it accepts connections.</summary>
    public async Task StartAgainAsync(CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("redis-server", ["--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1",
            "--save", "", "--appendonly", "no", "--dir", _folder])
        { RedirectStandardOutput = true, UseShellExecute = false };
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start: run the tests with ./test.sh, which installs it.");
        _ = _process.StandardOutput.ReadToEndAsync(cancellationToken);
        while (true)
        {
            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, Port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    public void Kill()
    {
        _process?.Kill();
        _process?.WaitForExit();
        _process?.Dispose();
        _process = null;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
