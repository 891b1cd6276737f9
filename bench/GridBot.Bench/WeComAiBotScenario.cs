using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using GridBot.Host;
using GridBot.Host.Channels.WeCom.Crypto;
using GridBot.Host.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridBot.Bench;

/// <summary>
/// Pre-encrypted 智能机器人 callbacks (distinct msgids and nonces) → tickets through POST /api/wecom/aibot at 64
/// concurrent senders, against a baseline endpoint in the same run that only verifies the signature and decrypts.
/// </summary>
internal static class WeComAiBotScenario
{
    internal const string Token = "BenchAiBotToken";
    internal const string Key = "kWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const int Concurrency = 64;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var crypto = new WeComCrypto(Token, Key, "");
        await using var baseline = await StartBaselineAsync(crypto, cancellationToken);
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "bench.db")}",
            "--Demo:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            $"--WeCom:AiBot:Token={Token}",
            $"--WeCom:AiBot:EncodingAesKey={Key}",
        ]);
        await bot.StartAsync(cancellationToken);
        await WeComBenchData.ImportDistrictAsync(bot.Services, folder, cancellationToken);

        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var botUrl = new Uri(new Uri(bot.Urls.First()), "/api/wecom/aibot");
        var baselineUrl = new Uri(new Uri(baseline.Urls.First()), "/api/wecom/aibot");

        await MeasureAsync("baseline", baselineUrl, crypto, TimeSpan.FromSeconds(1), http, cancellationToken);
        var baseResult = await MeasureAsync("baseline", baselineUrl, crypto, duration, http, cancellationToken);
        await MeasureAsync("gridbot", botUrl, crypto, TimeSpan.FromSeconds(1), http, cancellationToken);
        var botResult = await MeasureAsync("gridbot", botUrl, crypto, duration, http, cancellationToken);

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        return [baseResult, botResult with { RatioToBaseline = botResult.PerSecond / baseResult.PerSecond }];
    }

    private static async Task<BenchResult> MeasureAsync(string variant, Uri url, WeComCrypto crypto, TimeSpan duration, HttpClient http, CancellationToken cancellationToken)
    {
        // Encrypted before the clock starts, so the senders only post: each request has its own msgid and nonce.
        var requests = Prepare(crypto, (int)Math.Max(2000, duration.TotalSeconds * 4000));
        var next = -1;
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var (count, errors, perSecond, p50, p99) = await LoadRunner.RunAsync(Concurrency, duration, async (worker, sequence, ct) =>
        {
            var index = Interlocked.Increment(ref next);
            if (index >= requests.Count)
            {
                // Reusing a msgid would measure the dedup shortcut, not intake: the run ends when the prepared ones do.
                return LoadOutcome.Exhausted;
            }

            var (query, body) = requests[index];
            using var response = await http.PostAsync(new Uri(url + query), new StringContent(body, Encoding.UTF8, "application/json"), ct);
            return response.IsSuccessStatusCode ? LoadOutcome.Ok : LoadOutcome.Error;
        }, cancellationToken);
        return new BenchResult("wecom-aibot", variant, Concurrency, count, errors, perSecond, p50, p99, null,
            System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    private static List<(string Query, string Body)> Prepare(WeComCrypto crypto, int count)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var timestamp = DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var prepared = new ConcurrentBag<(int, string, string)>();
        Parallel.For(0, count, i =>
        {
            var chat = (int)((i * 7919L) % DistrictData.MicroGrids);
            var (query, body) = WeComBenchData.AiBotCallback(crypto, $"bench-{run}-{i}", chat, $"resident-{chat}-{i % 40}",
                $"@网格小助手 {1 + i % 30}号楼{1 + i % 4}单元楼道灯坏了好几天了", timestamp, $"{run}{i:0000000}",
                "https://qyapi.weixin.qq.com/cgi-bin/aibot/response?response_code=bench");
            prepared.Add((i, query, body));
        });

        return [.. prepared.OrderBy(p => p.Item1).Select(p => (p.Item2, p.Item3))];
    }

    private static async Task<WebApplication> StartBaselineAsync(WeComCrypto crypto, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        app.MapPost("/api/wecom/aibot", async (HttpContext http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync(http.RequestAborted);
            var q = http.Request.Query;
            var plain = crypto.DecryptJsonBody(q["msg_signature"], q["timestamp"], q["nonce"], body);
            return plain.IsSuccess ? Results.Text("") : Results.Unauthorized();
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
