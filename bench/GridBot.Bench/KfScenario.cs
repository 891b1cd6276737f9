using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.Dialogs.Core;
using GridBot.FakeWeCom;
using GridBot.Host;
using GridBot.Host.Channels.WeCom.Kf;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GridBot.Bench;

/// <summary>
/// 10,000 residents' reports arriving on 微信客服 as 500 callbacks (20 messages each, one resident per callback; 50
/// callbacks with --quick): time until all are handled (tickets, a few merged as duplicates), and how many sync_msg calls the host made. Baseline in the same run: the same
/// Activities handed straight to BotAdapter on a fresh host (no callback, no pull, no HTTP).
/// </summary>
internal static class KfScenario
{
    private const int PerCallback = 20;
    private const string OpenKfid = "wkBENCH000000001";
    private const string Grid = "DEMO-S01-C01-G01";
    private const string Token = "GridBotAiBotToken";
    private const string Key = "kWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C";
    private const string CorpId = "wwfake0000000001";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var callbacks = settings.KfCallbacks;
        var total = callbacks * PerCallback;
        var gc = GcCounts.Now();
        var baseline = await RunBaselineAsync(callbacks, cancellationToken);
        var baselineGc = gc.Since();
        gc = GcCounts.Now();
        var (kfRate, syncCalls, wall, tickets) = await RunKfAsync(callbacks, cancellationToken);
        var kfGc = gc.Since();
        Console.WriteLine($"kf: {total} messages in {callbacks} callbacks → {tickets} tickets (the rest merged as duplicates) in {wall.TotalSeconds:0.0} s = {kfRate:0} messages/s with {syncCalls} sync_msg calls; " +
            $"BotAdapter directly: {baseline:0} messages/s; ratio {kfRate / baseline:0.00}");
        var memory = Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024);
        return
        [
            new BenchResult("kf", "BotAdapter direct (baseline)", 1, total, 0, baseline, 0, 0, null, memory, baselineGc.Gen0, baselineGc.Gen1, baselineGc.Gen2),
            new BenchResult("kf", "callback → sync_msg → turn", 1, total, 0, kfRate, 0, 0, kfRate / baseline, memory, kfGc.Gen0, kfGc.Gen1, kfGc.Gen2)
            {
                Notes = $"{callbacks} callbacks, {syncCalls} sync_msg calls, {tickets} tickets",
            },
        ];
    }

    private static string Report(int resident, int i) =>
        string.Create(CultureInfo.InvariantCulture, $"{resident * PerCallback + i + 1}号楼{i % 6 + 1}单元楼道灯坏了好几天了");

    private static async Task<double> RunBaselineAsync(int callbacks, CancellationToken cancellationToken)
    {
        var folder = NewFolder();
        var bot = GridBotApp.Build([.. BotSettings(folder), "--WeCom:ApiBaseUrl=http://127.0.0.1:9/"]);
        await bot.StartAsync(cancellationToken);
        var adapter = bot.Services.GetRequiredService<BotAdapter>();
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
            var gridId = await db.Grids.Where(g => g.Code == Grid).Select(g => g.Id).SingleAsync(cancellationToken);
            for (var r = 0; r < callbacks; r++)
            {
                db.Members.Add(new Member { Channel = KfChannel.Name, UserId = Resident(r), Name = "微信居民", GridId = gridId, Role = MemberRole.Resident });
                var now = DateTime.UtcNow;
                var session = new KfSession(OpenKfid, Resident(r), now);
                session.EnteredThrough(Grid, gridId, now);
                session.CustomerWrote(now, now);
                db.KfSessions.Add(session);
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        var stopwatch = Stopwatch.StartNew();
        for (var r = 0; r < callbacks; r++)
        {
            for (var i = 0; i < PerCallback; i++)
            {
                var message = new KfMessage
                {
                    Msgid = $"base{r}-{i}", Origin = KfMessage.FromCustomer, Msgtype = "text", ExternalUserid = Resident(r),
                    SendTime = DateTimeOffset.UtcNow.ToUnixTimeSeconds(), Text = new KfMessage.KfText { Content = Report(r, i) },
                };
                await adapter.ProcessAsync(KfActivityMapper.ToActivity(OpenKfid, message), repliesInResponse: false, cancellationToken);
            }
        }

        var rate = callbacks * PerCallback / stopwatch.Elapsed.TotalSeconds;
        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        return rate;
    }

    private static async Task<(double Rate, int SyncCalls, TimeSpan Wall, int Tickets)> RunKfAsync(int callbacks, CancellationToken cancellationToken)
    {
        var folder = NewFolder();
        var fake = FakeWeComServer.Build([
            "--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning",
            $"--FakeWeCom:AppToken={Token}", $"--FakeWeCom:AppEncodingAesKey={Key}",
        ]);
        await fake.StartAsync(cancellationToken);
        var fakeUrl = new Uri(fake.Urls.First());
        var bot = GridBotApp.Build([
            .. BotSettings(folder), $"--WeCom:ApiBaseUrl={fakeUrl}", $"--WeCom:CorpId={CorpId}", $"--WeCom:App:Token={Token}",
            $"--WeCom:App:EncodingAesKey={Key}", "--WeCom:App:AgentId=1000002", "--WeCom:App:Secret=fake-app-secret",
        ]);
        await bot.StartAsync(cancellationToken);
        fake.Services.GetRequiredService<IOptions<FakeWeComOptions>>().Value.AppCallbackUrl = new Uri(new Uri(bot.Urls.First()), "/api/wecom/app").ToString();
        using var http = new HttpClient { BaseAddress = fakeUrl, Timeout = TimeSpan.FromSeconds(60) };
        for (var r = 0; r < callbacks; r++)
        {
            using var entered = await http.PostAsJsonAsync("/_fake/kf/enter", new FakeKfEnterRequest { OpenKfid = OpenKfid, ExternalUserid = Resident(r), Scene = Grid }, cancellationToken);
            entered.EnsureSuccessStatusCode();
        }

        await WaitAsync(async () => await CountAsync(bot, db => db.Members.CountAsync(m => m.Channel == KfChannel.Name, cancellationToken)) >= callbacks, cancellationToken);
        var syncsBefore = await SyncCallsAsync(http, cancellationToken);

        var stopwatch = Stopwatch.StartNew();
        for (var r = 0; r < callbacks; r++)
        {
            var resident = r;
            using var sent = await http.PostAsJsonAsync("/_fake/kf/messages", new FakeKfMessagesRequest
            {
                OpenKfid = OpenKfid,
                Messages = [.. Enumerable.Range(0, PerCallback).Select(i => new FakeKfCustomerMessage
                {
                    ExternalUserid = Resident(resident), Payload = new JsonObject { ["content"] = Report(resident, i) },
                })],
            }, cancellationToken);
            sent.EnsureSuccessStatusCode();
        }

        // Every message handled (a ticket, or merged into one as a duplicate report): its processed-activity row.
        await WaitAsync(async () => await CountAsync(bot, db => db.ProcessedActivities.CountAsync(cancellationToken)) >= callbacks * PerCallback, cancellationToken);
        var wall = stopwatch.Elapsed;
        var tickets = await TicketsAsync(bot, cancellationToken);
        var syncCalls = await SyncCallsAsync(http, cancellationToken) - syncsBefore;
        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        await fake.StopAsync(cancellationToken);
        await fake.DisposeAsync();
        return (callbacks * PerCallback / wall.TotalSeconds, syncCalls, wall, tickets);
    }

    private static string[] BotSettings(string folder) =>
    [
        "--urls=http://127.0.0.1:0",
        $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "bench.db")}",
        "--Demo:Enabled=true",
        "--Demo:History=false",
        "--Schedules:Enabled=false",
        "--Logging:LogLevel:Default=Warning",
        "--Outbox:PollInterval=00:00:00.200",
    ];

    private static string Resident(int r) => "wmBench" + r.ToString(CultureInfo.InvariantCulture);

    private static string NewFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    private static async Task<int> SyncCallsAsync(HttpClient fake, CancellationToken cancellationToken) =>
        (await fake.GetFromJsonAsync<JsonObject>($"/_fake/kf/state?openKfid={OpenKfid}&externalUserid=x", cancellationToken))!["sync_calls"]!.GetValue<int>();

    private static Task<int> TicketsAsync(WebApplication bot, CancellationToken cancellationToken) =>
        CountAsync(bot, db => db.Tickets.CountAsync(cancellationToken));

    private static async Task<int> CountAsync(WebApplication bot, Func<GridBotDbContext, Task<int>> count)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await count(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    private static async Task WaitAsync(Func<Task<bool>> done, CancellationToken cancellationToken)
    {
        while (!await done())
        {
            await Task.Delay(100, cancellationToken);
        }
    }
}
