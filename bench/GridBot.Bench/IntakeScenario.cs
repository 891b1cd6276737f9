using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Dialogs.Core;
using GridBot.Host;
using GridBot.Host.Import;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GridBot.Bench;

/// <summary>
/// Residents' reports → tickets through POST /api/webchat/messages (expectReplies), at 1, 16 and 64 concurrent senders,
/// against a baseline endpoint in the same process that only parses the Activity and answers 200.
/// </summary>
internal static class IntakeScenario
{
    private static readonly int[] Concurrencies = [1, 16, 64];

    internal static readonly string[] Reports =
    [
        "{0}号楼{1}单元楼道灯坏了好几天了",
        "{0}号楼门口垃圾好几天没人清运，臭得很",
        "{0}号楼{1}单元电梯又坏了，老人上下楼太难",
        "{0}栋楼下有人飞线给电动车充电，太危险了",
        "{0}号楼{1}单元楼上装修噪音扰民，沟通了也没用",
        "{0}号楼旁边下水道堵了，污水冒出来",
    ];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var results = new List<BenchResult>();
        await using var baseline = await StartBaselineAsync(cancellationToken);
        await using var bot = await StartBotAsync(folder, cancellationToken);
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(30) };
        var botUrl = new Uri(new Uri(bot.Urls.First()), "/api/webchat/messages");
        var baselineUrl = new Uri(new Uri(baseline.Urls.First()), "/api/webchat/messages");
        foreach (var concurrency in Concurrencies)
        {
            // Warm both up so JIT and connection set-up are not measured.
            await MeasureAsync("intake", "baseline", baselineUrl, concurrency, TimeSpan.FromSeconds(1), http, _ => true, cancellationToken);
            var baseResult = await MeasureAsync("intake", "baseline", baselineUrl, concurrency, duration, http, _ => true, cancellationToken);
            await MeasureAsync("intake", "gridbot", botUrl, concurrency, TimeSpan.FromSeconds(1), http, HasTicket, cancellationToken);
            var botResult = await MeasureAsync("intake", "gridbot", botUrl, concurrency, duration, http, HasTicket, cancellationToken);
            results.Add(baseResult);
            results.Add(botResult with { RatioToBaseline = botResult.PerSecond / baseResult.PerSecond });
        }

        await bot.StopAsync(cancellationToken);
        return results;
    }

    /// <summary>The host in this process on a free port over a new SQLite file, with the district imported.</summary>
    internal static async Task<WebApplication> StartBotAsync(string folder, CancellationToken cancellationToken)
    {
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "bench.db")}",
            "--Demo:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await bot.StartAsync(cancellationToken);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>()
                .ImportAsync([DistrictData.Write(folder)], cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException(report.Describe());
            }
        }

        return bot;
    }

    /// <summary>An answer that carries a ticket number (a new ticket or the one it merged into).</summary>
    internal static bool HasTicket(string body) => body.Contains("GD", StringComparison.Ordinal);

    /// <summary>
    /// Closed-loop reports from <paramref name="concurrency"/> senders, each activity with its own id, spread over the
    /// 2,009 bound chats; an answer <paramref name="answered"/> refuses counts as an error.
    /// </summary>
    internal static async Task<BenchResult> MeasureAsync(
        string scenario, string variant, Uri url, int concurrency, TimeSpan duration, HttpClient http, Func<string, bool> answered, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var gen0 = GC.CollectionCount(0);
        var gen1 = GC.CollectionCount(1);
        var gen2 = GC.CollectionCount(2);
        var (requests, errors, perSecond, p50, p99) = await LoadRunner.RunAsync(concurrency, duration, async (worker, sequence, ct) =>
        {
            var chat = (int)((worker * 7919L + sequence * 31L) % DistrictData.MicroGrids);
            var activity = BenchActivities.GroupMessage($"{run}-{worker}-{sequence}", $"bench-{chat}", $"resident-{chat}-{sequence % 40}", "居民",
                string.Format(System.Globalization.CultureInfo.InvariantCulture, Reports[sequence % Reports.Length], 1 + sequence % 30, 1 + worker % 4));
            using var response = await http.PostAsJsonAsync(url, activity, ActivityJson.Default.Activity, ct);
            if (!response.IsSuccessStatusCode)
            {
                return false;
            }

            var body = await response.Content.ReadAsStringAsync(ct);
            return answered(body);
        }, cancellationToken);
        return new BenchResult(scenario, variant, concurrency, requests, errors, perSecond, p50, p99, null,
            System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024),
            GC.CollectionCount(0) - gen0, GC.CollectionCount(1) - gen1, GC.CollectionCount(2) - gen2);
    }

    private static async Task<WebApplication> StartBaselineAsync(CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var empty = JsonSerializer.Serialize(new ExpectedReplies(), ActivityJson.Default.ExpectedReplies);
        app.MapPost("/api/webchat/messages", async (HttpContext http) =>
        {
            var activity = await JsonSerializer.DeserializeAsync(http.Request.Body, ActivityJson.Default.Activity, http.RequestAborted);
            return activity is null ? Results.BadRequest() : Results.Text(empty, "application/json");
        });
        await app.StartAsync(cancellationToken);
        return app;
    }
}
