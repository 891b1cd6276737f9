using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridBot.FakeWeCom;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// One announcement to the district's 2,009 micro-grid groups (each with its own robot) through POST /api/announcements
/// and the outbox, against the fake WeCom server answering after 50 ms with 2% 500s, one host. Counted from the fake's
/// own records: deliveries (robots that accepted it), retries (requests beyond one per robot), duplicates (a robot that
/// accepted it twice), losses (a robot that never did) and over-limit answers (45009: a robot sent more than its 20 a
/// minute, which the robot limiter must prevent). Baseline in the same run: the same 2,009 sends as plain
/// sequential HTTP posts to the fake (retrying each 500 at once), i.e. the raw cost of the network without the bot.
/// </summary>
internal static class AnnounceScenario
{
    private const string Token = "bench-token-0123456789abcdef";
    private const int ServerErrorPercent = 2;
    private const int ResidentsPerSecond = 10;
    private static readonly TimeSpan QuietStretch = TimeSpan.FromSeconds(5);

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fake = FakeWeComServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--FakeWeCom:LatencyMs=50"]);
        await fake.StartAsync(cancellationToken);
        var fakeUrl = new Uri(fake.Urls.First());
        using var fakeHttp = new HttpClient { BaseAddress = fakeUrl };
        await SetFaultsAsync(fakeHttp, cancellationToken);

        var baseline = await PlainPosts.PerSecondAsync(fakeHttp, settings.BaselinePosts, cancellationToken);
        (await fakeHttp.PostAsync("/_fake/reset", null, cancellationToken)).EnsureSuccessStatusCode();
        await SetFaultsAsync(fakeHttp, cancellationToken);

        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "bench.db")}",
            "--Demo:Enabled=false",
            "--Schedules:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            $"--WeCom:ApiBaseUrl={fakeUrl}",
            $"--Api:Tokens:0={Token}",
            $"--WeCom:AiBot:Token={WeComAiBotScenario.Token}",
            $"--WeCom:AiBot:EncodingAesKey={WeComAiBotScenario.Key}",
            "--Outbox:PollInterval=00:00:00.050",
        ]);
        await bot.StartAsync(cancellationToken);
        await WeComBenchData.ImportDistrictAsync(bot.Services, folder, cancellationToken);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            // Only the WeCom groups: the district file also binds a chat-page group per micro-grid.
            await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Chats.Where(c => c.Channel == "demo").ExecuteDeleteAsync(cancellationToken);
        }

        using var api = new HttpClient { BaseAddress = new Uri(bot.Urls.First()) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        // Residents keep reporting through the fan-out: their p99 while it runs against a quiet stretch just before.
        // Only AI-bot callbacks are sent, so the traffic's console client is the API client, unused.
        var residents = new ResidentLoad(new SoakTraffic(api.BaseAddress, fakeUrl, api, api, Token), ResidentsPerSecond);
        await residents.WarmUpAsync(20, cancellationToken);

        var quietUntil = Stopwatch.StartNew();
        var quiet = await residents.RunAsync(() => quietUntil.Elapsed >= QuietStretch, cancellationToken);
        var gc = GcCounts.Now();
        var sent = false;
        var startedAt = DateTimeOffset.UtcNow;
        var stopwatch = Stopwatch.StartNew();
        var during = residents.RunAsync(() => Volatile.Read(ref sent), cancellationToken);
        using var response = await api.PostAsJsonAsync("/api/announcements", new
        {
            title = "关于开展2027年度城乡居民医保集中缴费的通知",
            body = "各位居民：\n2027年度城乡居民基本医疗保险集中缴费已经开始，**截止时间为12月31日**。\n" +
                "缴费方式：社区服务站现场办理，或通过手机银行、微信“粤税通”缴纳。\n低保、特困、重度残疾人员由政府资助参保，请携带证件到社区确认。\n有疑问请联系本网格网格员。",
            targets = new[] { "D" },
            requireAck = true,
        }, cancellationToken);
        response.EnsureSuccessStatusCode();
        var published = stopwatch.Elapsed;
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("number").GetInt32();

        await OutboxBacklog.DrainedAsync(bot.Services, cancellationToken);
        var wall = stopwatch.Elapsed;
        Volatile.Write(ref sent, true);
        var fanOut = await during;

        var detail = await api.GetFromJsonAsync<JsonElement>($"/api/announcements/{number}", cancellationToken);
        var failed = detail.GetProperty("delivery").GetProperty("failed").GetInt32();
        var attempts = detail.GetProperty("delivery").GetProperty("attempts").GetInt32();
        var records = (await fakeHttp.GetFromJsonAsync<JsonArray>("/_fake/records?api=webhook/send", cancellationToken))!.Select(r => r!.AsObject()).ToList();
        var accepted = records.Where(r => r["errcode"]!.GetValue<int>() == 0).GroupBy(r => r["target"]!.GetValue<string>()).ToDictionary(g => g.Key, g => g.Count());
        var deliveries = Enumerable.Range(0, DistrictData.MicroGrids).Count(m => accepted.ContainsKey(WeComBenchData.RobotKey(m)));
        var duplicates = accepted.Values.Sum(c => c - 1);
        var losses = DistrictData.MicroGrids - deliveries;
        var retries = records.Count - accepted.Values.Sum();
        var overLimit = records.Count(r => r["errcode"]!.GetValue<int>() == 45009);
        // Where the sending time goes, from the fake's clock: the bulk of the sends, then the tail of the retried 500s.
        var acceptedAt = records.Where(r => r["errcode"]!.GetValue<int>() == 0).Select(r => (r["at"]!.GetValue<DateTimeOffset>() - startedAt).TotalSeconds).Order().ToList();
        var lastServerError = records.Where(r => r["errcode"]!.GetValue<int>() == 500).Select(r => (r["at"]!.GetValue<DateTimeOffset>() - startedAt).TotalSeconds).DefaultIfEmpty().Max();
        double AcceptedBy(double share) => acceptedAt.Count == 0 ? 0 : acceptedAt[Math.Max(0, (int)Math.Ceiling(share * acceptedAt.Count) - 1)];
        Console.WriteLine($"announce: publish (2,009 deliveries + outbox rows, a transaction per Announcements:FanOutChunkSize chats) {published.TotalSeconds:0.00} s; " +
            $"all sent in {wall.TotalSeconds:0.0} s = {deliveries / wall.TotalSeconds:0.0} chats/s; deliveries {deliveries}, retries {retries}, " +
            $"duplicates {duplicates}, losses {losses}, over the robot limit (45009) {overLimit}, failed {failed}, outbox attempts {attempts}; " +
            $"baseline (plain sequential posts to {settings.BaselinePosts} robots) {baseline:0.0}/s; ratio {deliveries / wall.TotalSeconds / baseline:0.00}");
        Console.WriteLine($"announce: the fake accepted the first at +{AcceptedBy(0):0.00} s, half by +{AcceptedBy(0.5):0.00} s, 98% by +{AcceptedBy(0.98):0.00} s, " +
            $"all by +{AcceptedBy(1):0.00} s (from the API call); its last 500 at +{lastServerError:0.00} s");
        Console.WriteLine($"announce: residents' AI-bot turns at {ResidentsPerSecond}/s: quiet {QuietStretch.TotalSeconds:0} s before: {quiet.Requests} turns, {quiet.Errors} errors, p50 {quiet.P50Ms:0.0} ms, p99 {quiet.P99Ms:0.0} ms; " +
            $"during the fan-out: {fanOut.Requests} turns, {fanOut.Errors} errors, p50 {fanOut.P50Ms:0.0} ms, p99 {fanOut.P99Ms:0.0} ms; p99 during ÷ quiet {fanOut.P99Ms / quiet.P99Ms:0.00}");

        var counts = gc.Since();
        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        await fake.StopAsync(cancellationToken);
        await fake.DisposeAsync();
        var notes = $"1 host; 2,009 robots, 50 ms, 2% 500; publish {published.TotalSeconds:0.00} s; sent in {wall.TotalSeconds:0} s; " +
            $"deliveries {deliveries}, retries {retries}, duplicates {duplicates}, losses {losses}, over limit {overLimit}; " +
            $"residents' p99 {quiet.P99Ms:0} ms quiet, {fanOut.P99Ms:0} ms during";
        return
        [
            new BenchResult("announce", "baseline: plain sequential posts", 1, settings.BaselinePosts, 0, baseline, 0, 0, null, 0, 0, 0, 0),
            new BenchResult("announce", "outbox, 1 host", 1, DistrictData.MicroGrids, failed + losses + duplicates + overLimit, deliveries / wall.TotalSeconds, 0, 0,
                deliveries / wall.TotalSeconds / baseline, Process.GetCurrentProcess().PeakWorkingSet64 / (1024 * 1024), counts.Gen0, counts.Gen1, counts.Gen2) { Notes = notes },
        ];
    }

    private static async Task SetFaultsAsync(HttpClient http, CancellationToken cancellationToken) =>
        (await http.PostAsJsonAsync("/_fake/faults", new FakeFaults { LatencyMs = 50, ServerErrorPercent = ServerErrorPercent }, cancellationToken)).EnsureSuccessStatusCode();
}
