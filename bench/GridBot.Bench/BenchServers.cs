using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace GridBot.Bench;

/// <summary>
/// PostgreSQL and Redis for the scale-out scenarios, started into a temporary folder on free 127.0.0.1 ports and stopped
/// by pid. PostgreSQL's initdb refuses root, so as root both run as the postgres user (as test.sh does).
/// </summary>
internal sealed class BenchServers : IAsyncDisposable
{
    private readonly string _folder;
    private int _postgresPid;
    private int _redisPid;

    private BenchServers(string folder) => _folder = folder;

    public string Postgres { get; private set; } = "";

    public string Redis { get; private set; } = "";

    public static async Task<BenchServers> StartAsync(CancellationToken cancellationToken)
    {
        var servers = new BenchServers(Directory.CreateTempSubdirectory("gridbot-bench-servers").FullName);
        try
        {
            await servers.StartPostgresAsync(cancellationToken);
            await servers.StartRedisAsync(cancellationToken);
            return servers;
        }
        catch
        {
            await servers.DisposeAsync();
            throw;
        }
    }

    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(Postgres);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(Postgres) { Database = name }.ToString();
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        foreach (var pid in new[] { _redisPid, _postgresPid }.Where(p => p > 0))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
                await process.WaitForExitAsync();
            }
            catch (ArgumentException)
            {
                // Already gone.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private async Task StartPostgresAsync(CancellationToken cancellationToken)
    {
        var bin = File.Exists("/usr/local/bin/initdb") || !Directory.Exists("/usr/lib/postgresql")
            ? ""
            : Directory.GetDirectories("/usr/lib/postgresql").Order().Last() + "/bin/";
        var port = FreePort();
        var data = Path.Combine(_folder, "pg");
        var asRoot = Environment.UserName == "root";
        if (asRoot)
        {
            await ToolProcess.RunAsync("chown", ["postgres", _folder], cancellationToken);
        }

        await ToolProcess.RunAsync(asRoot ? "runuser" : bin + "initdb", [.. asRoot ? ["-u", "postgres", "--", bin + "initdb"] : Array.Empty<string>(), "-D", data, "-A", "trust", "-U", "postgres"], cancellationToken);
        string[] ctl = ["-D", data, "-l", Path.Combine(_folder, "pg.log"), "-w", "-o", $"-p {port} -k {_folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200", "start"];
        await ToolProcess.RunAsync(asRoot ? "runuser" : bin + "pg_ctl", [.. asRoot ? ["-u", "postgres", "--", bin + "pg_ctl"] : Array.Empty<string>(), .. ctl], cancellationToken);
        _postgresPid = int.Parse((await File.ReadAllLinesAsync(Path.Combine(data, "postmaster.pid"), cancellationToken))[0], System.Globalization.CultureInfo.InvariantCulture);
        Postgres = $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Maximum Pool Size=50";
    }

    private async Task StartRedisAsync(CancellationToken cancellationToken)
    {
        var port = FreePort();
        var pidFile = Path.Combine(_folder, "redis.pid");
        await ToolProcess.RunAsync("redis-server", ["--port", $"{port}", "--bind", "127.0.0.1", "--daemonize", "yes", "--save", "", "--appendonly", "no", "--pidfile", pidFile, "--dir", _folder], cancellationToken);
        while (!File.Exists(pidFile))
        {
            await Task.Delay(50, cancellationToken);
        }

        _redisPid = int.Parse((await File.ReadAllTextAsync(pidFile, cancellationToken)).Trim(), System.Globalization.CultureInfo.InvariantCulture);
        Redis = $"127.0.0.1:{port}";
    }

    internal static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
