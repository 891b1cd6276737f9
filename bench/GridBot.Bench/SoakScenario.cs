using System.Diagnostics;
using GridBot.FakeWeCom;
using GridBot.Host;
using GridBot.Store;
using GridBot.Store.Coordination;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// Minutes of mixed traffic at a steady, open-loop rate (arrivals on a fixed schedule, whether or not earlier answers
/// have come back) against one host with the district imported, its outbox sending to the fake WeCom server. Every
/// 30 s a window closes with memory, GC and latency per kind; the verdict is the memory slope over the second half and
/// the p99 of the last window against the first. Not part of `all` and not for CI: it takes its full duration.
/// </summary>
internal static class SoakScenario
{
    private const string ApiToken = "bench-soak-token-0123456789abcdef";
    private const int WarmUpRounds = 10;
    // Far above any soak's arrival count, so warm-up ids and msgids never meet the measured ones.
    private const long WarmUpSequences = 1_000_000_000;
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan AnnouncementEvery = TimeSpan.FromMinutes(2);

    public static async Task<IReadOnlyList<SoakWindow>> RunAsync(TimeSpan duration, int rate, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var fake = FakeWeComServer.Build(["--urls=http://127.0.0.1:0", "--Logging:LogLevel:Default=Warning", "--FakeWeCom:LatencyMs=20"]);
        await fake.StartAsync(cancellationToken);
        var fakeUrl = new Uri(fake.Urls.First());
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "soak.db")}",
            "--Demo:Enabled=false",
            // Real-time huddles and chasers would land at whatever minute the soak happens to cover: not steady traffic.
            "--Schedules:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            $"--WeCom:ApiBaseUrl={fakeUrl}",
            $"--WeCom:AiBot:Token={WeComAiBotScenario.Token}",
            $"--WeCom:AiBot:EncodingAesKey={WeComAiBotScenario.Key}",
            $"--Api:Tokens:0={ApiToken}",
            "--Outbox:PollInterval=00:00:00.200",
        ]);
        await bot.StartAsync(cancellationToken);
        await WeComBenchData.ImportDistrictAsync(bot.Services, folder, cancellationToken);

        var botUrl = new Uri(bot.Urls.First());
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 256 }) { Timeout = TimeSpan.FromSeconds(60) };
        using var console = await ConsoleSession.SignInAsync(botUrl, ApiToken, cancellationToken);
        using var fakeControl = new HttpClient { BaseAddress = fakeUrl };
        var traffic = new SoakTraffic(botUrl, fakeUrl, http, console, ApiToken);
        // JIT, first queries and connection set-up belong to no window: without this the first window's p99 is the
        // cold start's, and the verdict's first-vs-last ratio would only say that warm code is faster.
        for (var i = 0; i < WarmUpRounds; i++)
        {
            foreach (var kind in SoakTraffic.Mix.Distinct())
            {
                await traffic.SendAsync(kind, WarmUpSequences + i, cancellationToken);
            }
        }

        var recorder = new SoakRecorder();
        var inFlight = new List<Task>();
        var windows = new List<SoakWindow>();
        Console.WriteLine($"soak: {rate} arrivals/s for {duration.TotalMinutes:0.#} min, an announcement to one street every {AnnouncementEvery.TotalMinutes:0} min; load average {BenchMachine.LoadAverage()}");

        Console.WriteLine(SoakReport.Header());
        long arrival = 0;
        long announcements = 0;
        var nextWindow = Window;
        var nextAnnouncement = AnnouncementEvery / 2;
        while (recorder.Elapsed < duration)
        {
            var due = TimeSpan.FromSeconds((double)arrival / rate);
            if (due >= nextAnnouncement)
            {
                inFlight.Add(SendAsync(traffic, recorder, SoakKind.Announce, announcements++, nextAnnouncement, cancellationToken));
                nextAnnouncement += AnnouncementEvery;
            }

            if (due >= nextWindow)
            {
                await WaitUntilAsync(recorder, nextWindow, cancellationToken);
                windows.Add(await CloseWindowAsync(recorder, bot.Services, fakeControl, cancellationToken));
                inFlight.RemoveAll(t => t.IsCompleted);
                nextWindow += Window;
            }

            await WaitUntilAsync(recorder, due, cancellationToken);
            inFlight.Add(SendAsync(traffic, recorder, SoakTraffic.Mix[arrival % SoakTraffic.Mix.Length], arrival, due, cancellationToken));
            arrival++;
        }

        await Task.WhenAll(inFlight);
        windows.Add(await CloseWindowAsync(recorder, bot.Services, fakeControl, cancellationToken));
        Console.WriteLine($"soak: {arrival:N0} arrivals and {announcements} announcements sent; load average {BenchMachine.LoadAverage()}; " +
            $"tickets by status: {await TicketStatusesAsync(bot.Services, cancellationToken)}");

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        await fake.StopAsync(cancellationToken);
        await fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return windows;
    }

    private static async Task SendAsync(SoakTraffic traffic, SoakRecorder recorder, SoakKind kind, long sequence, TimeSpan due, CancellationToken cancellationToken)
    {
        recorder.Started();
        bool ok;
        try
        {
            ok = await traffic.SendAsync(kind, sequence, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
        {
            ok = false;
        }

        // From the scheduled arrival, not from when the request left: a late sender is part of the latency.
        recorder.Finished(kind, recorder.Elapsed - due, ok);
    }

    private static async Task<SoakWindow> CloseWindowAsync(SoakRecorder recorder, IServiceProvider services, HttpClient fakeControl, CancellationToken cancellationToken)
    {
        var cached = services.GetRequiredService<IProcessedActivityCache>() is InProcessActivityCache cache ? cache.Count : 0;
        var window = recorder.Close(await OutboxBacklog.PendingAsync(services, cancellationToken), cached);
        // The fake keeps every request it answered; cleared each window so its memory stays out of the host's figures.
        (await fakeControl.PostAsync("/_fake/reset", null, cancellationToken)).EnsureSuccessStatusCode();
        Console.WriteLine(SoakReport.Row(window));
        return window;
    }

    /// <summary>What the traffic left behind, e.g. "Assigned 120, New 2300, Resolved 480": proof the leaders' commands took.</summary>
    private static async Task<string> TicketStatusesAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var statuses = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Tickets
            .GroupBy(t => t.Status).Select(g => new { Status = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return string.Join(", ", statuses.OrderBy(s => s.Status.ToString(), StringComparer.Ordinal).Select(s => $"{s.Status} {s.Count}"));
    }

    private static async Task WaitUntilAsync(SoakRecorder recorder, TimeSpan at, CancellationToken cancellationToken)
    {
        var wait = at - recorder.Elapsed;
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait, cancellationToken);
        }
    }
}
