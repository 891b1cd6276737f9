using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.Dialogs.Proactive;
using GridBot.FakeWeCom;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// One notice to each of the district's 2,009 groups through their robots, plus a burst of 25 to one "hot" group,
/// sent by the outbox to the fake WeCom server answering after 50 ms: wall time, sends per second, and the fake's own
/// count of the most messages any robot accepted within a minute (must be ≤ 20, with no 45009).
/// </summary>
internal static class WeComWebhookScenario
{
    private const int HotBurst = 25;

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fake = FakeWeComServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--FakeWeCom:LatencyMs=50"]);
        await fake.StartAsync(cancellationToken);
        var fakeUrl = new Uri(fake.Urls.First());
        using var http = new HttpClient { BaseAddress = fakeUrl };
        var baseline = await PlainPosts.PerSecondAsync(http, settings.BaselinePosts, cancellationToken);
        // The baseline's posts must not count in the fake's per-robot window below.
        (await http.PostAsync("/_fake/reset", null, cancellationToken)).EnsureSuccessStatusCode();
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "bench.db")}",
            "--Demo:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            $"--WeCom:ApiBaseUrl={fakeUrl}",
            "--Outbox:PollInterval=00:00:00.050",
        ]);
        await bot.StartAsync(cancellationToken);
        await WeComBenchData.ImportDistrictAsync(bot.Services, folder, cancellationToken);

        var gc = GcCounts.Now();
        var stopwatch = Stopwatch.StartNew();
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
            for (var m = 0; m < DistrictData.MicroGrids; m++)
            {
                messenger.Enqueue("wecom", WeComBenchData.ChatId(m), null, $"【通知】第{m + 1}微网格：明天上午9点至11点停水，请提前储水。");
            }

            for (var i = 0; i < HotBurst; i++)
            {
                messenger.Enqueue("wecom", WeComBenchData.ChatId(0), null, $"【提醒】第1微网格待办 {i + 1}");
            }

            await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(cancellationToken);
        }

        var total = DistrictData.MicroGrids + HotBurst;
        await OutboxBacklog.DrainedAsync(bot.Services, cancellationToken);
        var wall = stopwatch.Elapsed;

        int failed;
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            failed = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Outbox.CountAsync(o => o.Status == OutboxStatus.Failed, cancellationToken);
        }

        var counts = gc.Since();
        var stats = (await http.GetFromJsonAsync<JsonObject>("/_fake/stats", cancellationToken))!;
        var maxPerRobot = stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>();
        var rejected = stats["requests"]!["webhook/send 45009"]?.GetValue<int>() ?? 0;
        Console.WriteLine($"wecom-webhook: {total} notices to {DistrictData.MicroGrids} robots in {wall.TotalSeconds:0.0} s = {total / wall.TotalSeconds:0.0} sends/s; " +
            $"failed {failed}; most accepted by one robot in any minute: {maxPerRobot}; 45009 answers: {rejected}; baseline (plain sequential posts) {baseline:0.0}/s");

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        await fake.StopAsync(cancellationToken);
        await fake.DisposeAsync();
        return
        [
            new BenchResult("wecom-webhook", "baseline: plain sequential posts", 1, settings.BaselinePosts, 0, baseline, 0, 0, null, 0, 0, 0, 0),
            new BenchResult("wecom-webhook", "outbox", 1, total, failed + rejected, total / wall.TotalSeconds, 0, 0, total / wall.TotalSeconds / baseline,
                Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), counts.Gen0, counts.Gen1, counts.Gen2)
            {
                Notes = $"{DistrictData.MicroGrids} robots + {HotBurst} to one; most accepted by one robot in a minute {maxPerRobot}; 45009 answers {rejected}",
            },
        ];
    }
}
