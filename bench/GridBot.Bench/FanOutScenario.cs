using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.Dialogs.Proactive;
using GridBot.FakeWeCom;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// An announcement-like fan-out: one notice to each of the district's 2,009 micro-grid groups (its own robot each),
/// written in one transaction, sent through the fake WeCom server answering after 50 ms with 2% of answers a 500.
/// One host, then two hosts sharing the outbox, each on its own PostgreSQL database with Redis (the multi-host
/// configuration): wall time, deliveries, retries (500s answered), duplicates (a group sent twice) and losses (a group
/// never sent). The one-host run is the baseline of the ratio.
/// </summary>
internal static class FanOutScenario
{
    public static async Task<IReadOnlyList<BenchResult>> RunAsync(CancellationToken cancellationToken)
    {
        await using var servers = await BenchServers.StartAsync(cancellationToken);
        var one = await RunAsync(servers, hosts: 1, cancellationToken);
        var two = await RunAsync(servers, hosts: 2, cancellationToken);
        return [one, two with { RatioToBaseline = two.PerSecond / one.PerSecond }];
    }

    private static async Task<BenchResult> RunAsync(BenchServers servers, int hosts, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = await servers.CreateDatabaseAsync($"fanout_{hosts}_{Guid.NewGuid():N}"[..24], cancellationToken);
        var fake = FakeWeComServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--FakeWeCom:LatencyMs=50", "--FakeWeCom:ServerErrorPercent=2"]);
        await fake.StartAsync(cancellationToken);
        var fakeUrl = new Uri(fake.Urls.First());
        string[] settings =
        [
            "--urls=http://127.0.0.1:0",
            "--Database:Provider=PostgreSql", $"--ConnectionStrings:GridBot={database}",
            "--Deployment:Mode=Multi", $"--Redis:Configuration={servers.Redis}", $"--Redis:KeyPrefix=fanout{hosts}:",
            "--Demo:Enabled=false", "--Classifier:Enabled=false", "--Schedules:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            $"--WeCom:ApiBaseUrl={fakeUrl}",
            "--Outbox:PollInterval=00:00:00.050",
        ];
        var bots = new List<WebApplication>();
        for (var h = 0; h < hosts; h++)
        {
            var bot = GridBotApp.Build(settings);
            await bot.StartAsync(cancellationToken);
            bots.Add(bot);
        }

        await WeComBenchData.ImportDistrictAsync(bots[0].Services, folder, cancellationToken);

        var gc = GcCounts.Now();
        var stopwatch = Stopwatch.StartNew();
        await using (var scope = bots[0].Services.CreateAsyncScope())
        {
            var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
            for (var m = 0; m < DistrictData.MicroGrids; m++)
            {
                messenger.Enqueue("wecom", WeComBenchData.ChatId(m), null, $"【公告】第{m + 1}微网格：本周六上午开展消防演练，请居民配合。");
            }

            await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(cancellationToken);
        }

        await OutboxBacklog.DrainedAsync(bots[0].Services, cancellationToken);
        var wall = stopwatch.Elapsed;

        var counts = gc.Since();
        int failed;
        await using (var scope = bots[0].Services.CreateAsyncScope())
        {
            failed = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Outbox.CountAsync(o => o.Status == OutboxStatus.Failed, cancellationToken);
        }

        using var http = new HttpClient { BaseAddress = fakeUrl };
        var records = (await http.GetFromJsonAsync<JsonArray>("/_fake/records?api=webhook/send", cancellationToken))!.Select(r => r!.AsObject()).ToList();
        var accepted = records.Where(r => r["errcode"]!.GetValue<int>() == 0).GroupBy(r => r["target"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        var retries = records.Count(r => r["errcode"]!.GetValue<int>() == 500);
        var duplicates = accepted.Values.Sum(c => c - 1);
        var lost = DistrictData.MicroGrids - accepted.Count;
        var stats = (await http.GetFromJsonAsync<JsonObject>("/_fake/stats", cancellationToken))!;
        var maxPerRobot = stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>();
        var notes = $"{hosts} host(s): {DistrictData.MicroGrids} groups in {wall.TotalSeconds:0.0} s; delivered {accepted.Count}, retries (500s) {retries}, " +
            $"duplicates {duplicates}, lost {lost}, failed rows {failed}, most accepted by one robot in a minute {maxPerRobot}";
        Console.WriteLine("fanout: " + notes);

        foreach (var bot in bots)
        {
            await bot.StopAsync(cancellationToken);
            await bot.DisposeAsync();
        }

        await fake.StopAsync(cancellationToken);
        await fake.DisposeAsync();
        Directory.Delete(folder, recursive: true);
        return new BenchResult("fanout", hosts == 1 ? "1 host, PostgreSQL (baseline)" : $"{hosts} hosts, PostgreSQL", hosts, DistrictData.MicroGrids, duplicates + lost + failed,
            DistrictData.MicroGrids / wall.TotalSeconds, 0, 0, null, Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), counts.Gen0, counts.Gen1, counts.Gen2) { Notes = notes };
    }
}
