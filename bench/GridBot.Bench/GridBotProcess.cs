using System.Diagnostics;
using System.Net;
using Microsoft.Data.Sqlite;

namespace GridBot.Bench;

/// <summary>
/// The built host (GridBot.Host.dll beside the bench) as its own process, so it shares neither thread pool nor GC with
/// the load generator, like the peer's node process: a new SQLite file in <c>folder</c>, the district imported with the
/// host's own <c>import</c> verb, then the bot on a free 127.0.0.1 port; stopped by its pid.
/// </summary>
internal sealed class GridBotProcess : IAsyncDisposable
{
    private readonly Process _host;
    private readonly string _database;

    private GridBotProcess(Process host, string database, Uri url)
    {
        _host = host;
        _database = database;
        Url = url;
    }

    /// <summary>The webchat endpoint (expectReplies).</summary>
    public Uri Url { get; }

    public static async Task<GridBotProcess> StartAsync(string folder, CancellationToken cancellationToken)
    {
        var database = Path.Combine(folder, "bench.db");
        string[] settings = [$"--ConnectionStrings:GridBot=Data Source={database}", "--Demo:Enabled=false", "--Logging:LogLevel:Default=Warning"];
        var dll = Path.Combine(AppContext.BaseDirectory, "GridBot.Host.dll");
        await ToolProcess.RunAsync("dotnet", [dll, "import", DistrictData.Write(folder), "--json", .. settings], cancellationToken, AppContext.BaseDirectory);

        var port = BenchServers.FreePort();
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in (string[])[dll, $"--urls=http://127.0.0.1:{port}", .. settings])
        {
            start.ArgumentList.Add(arg);
        }

        var host = Process.Start(start) ?? throw new InvalidOperationException("could not start GridBot.Host");
        // Drain its output so a chatty warning never blocks it on a full pipe.
        _ = host.StandardOutput.ReadToEndAsync(cancellationToken);
        _ = host.StandardError.ReadToEndAsync(cancellationToken);
        var bot = new GridBotProcess(host, database, new Uri($"http://127.0.0.1:{port}/api/webchat/messages"));
        try
        {
            await bot.WaitUntilListeningAsync(port, cancellationToken);
            return bot;
        }
        catch
        {
            await bot.DisposeAsync();
            throw;
        }
    }

    /// <summary>Tickets in the host's database (read beside it: WAL lets a reader in while the host runs).</summary>
    public async Task<long> CountTicketsAsync(CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Tickets";
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_host.HasExited)
        {
            _host.Kill();
            await _host.WaitForExitAsync();
        }

        _host.Dispose();
    }

    // /healthz answers once the web server listens (degraded, 200, when next year's holidays are missing; either is up).
    private async Task WaitUntilListeningAsync(int port, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(60))
        {
            if (_host.HasExited)
            {
                throw new InvalidOperationException($"GridBot.Host exited with {_host.ExitCode} before listening");
            }

            try
            {
                using var response = await http.GetAsync(new Uri($"http://127.0.0.1:{port}/healthz"), cancellationToken);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Starting up slowly on a loaded machine.
            }

            await Task.Delay(200, cancellationToken);
        }

        throw new TimeoutException("GridBot.Host did not listen within 60 s");
    }
}
