using System.Diagnostics;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Host.Ledgers;
using GridBot.Host.StaffConsole;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// The staff console over 1,000,000 tickets (100,000 with --quick) of the 685-grid district on SQLite: board pages and the grid overview as
/// a district-wide session sees them (HTTP on 127.0.0.1, rendered HTML), against GET /healthz in the same run; then
/// the Excel ledger of one month for the whole district, with its time and the process's peak working set.
/// </summary>
internal static class ConsoleScenario
{
    private const int Runs = 20;
    private const string Token = "bench-console-token-0123456789";

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "bench.db");
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={database}",
            "--Demo:Enabled=false",
            "--Schedules:Enabled=false",
            $"--Api:Tokens:0={Token}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await bot.StartAsync(cancellationToken);
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([DistrictData.Write(folder)], cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException(report.Describe());
            }
        }

        var grids = await ScopedAsync(bot, (GridBotDbContext db) => db.Grids.Where(g => g.Level == GridLevel.Grid).Select(g => new { g.Id, g.Code }).ToListAsync(cancellationToken));
        var random = new Random(11);
        var seed = Stopwatch.StartNew();
        var now = DateTime.UtcNow;
        SchedulesScenario.InsertTickets(database, [.. Enumerable.Range(0, settings.Tickets).Select(_ => grids[random.Next(grids.Count)].Id)], open: false, now.AddDays(-365), 365);
        Console.WriteLine($"seeded {settings.Tickets:N0} tickets in {seed.Elapsed.TotalSeconds:0.0} s");

        using var http = await ConsoleSession.SignInAsync(new Uri(bot.Urls.First()), Token, cancellationToken);

        var results = new List<BenchResult>();
        var baseline = await TimeAsync(http, "/healthz", cancellationToken);
        results.Add(Result("baseline: GET /healthz", baseline, null));
        var grid = grids[grids.Count / 2].Code;
        foreach (var (name, path) in new[]
        {
            ("board page 1 (district, newest)", "/console"),
            ("board page 50", "/console?page=50"),
            ("board status=Assigned", "/console?status=Assigned"),
            ("board overdue", "/console?overdue=1"),
            ("board one grid", "/console?grid=" + grid),
            ("board sort by deadline", "/console?sort=Deadline"),
            ("board text search", "/console?q=H0012345"),
            ("grid overview (685 grids)", "/console/grids"),
        })
        {
            results.Add(Result(name, await TimeAsync(http, path, cancellationToken), baseline));
        }

        // Ledger: the last full local month of the whole district, written to a file, peak working set sampled meanwhile.
        var local = now.AddHours(8);
        var month = LedgerRange.Month(local.AddMonths(-1).Year, local.AddMonths(-1).Month);
        GC.Collect();
        var before = Environment.WorkingSet;
        long peak = before;
        using var sampling = new CancellationTokenSource();
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peak = Math.Max(peak, Environment.WorkingSet);
                await Task.Delay(10, CancellationToken.None);
            }
        }, CancellationToken.None);
        var file = Path.Combine(folder, "ledger.xlsx");
        var watch = Stopwatch.StartNew();
        var rows = 0;
        await using (var scope = bot.Services.CreateAsyncScope())
        {
            var writer = scope.ServiceProvider.GetRequiredService<TicketLedgerWriter>();
            var district = (await GridScope.ResolveAsync(scope.ServiceProvider.GetRequiredService<GridBotDbContext>(), "D", cancellationToken))!;
            rows = await writer.CountAsync(district, month, cancellationToken);
            await using var output = File.Create(file);
            await writer.WriteAsync(district, month, output, null, cancellationToken);
        }

        var elapsed = watch.Elapsed.TotalMilliseconds;
        await sampling.CancelAsync();
        await sampler;
        var mb = 1024 * 1024;
        results.Add(new BenchResult("console", $"ledger month {month.From:yyyy-MM} district (685 grids)", 1, rows, 0, rows / (elapsed / 1000), elapsed, elapsed,
            elapsed / Timings.Median(baseline), peak / mb, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2))
        {
            Notes = $"{rows:N0} rows, file {new FileInfo(file).Length / 1024:N0} KB, working set {before / mb} → peak {peak / mb} MB (+{(peak - before) / mb} MB)",
        });

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return results;
    }

    private static async Task<List<double>> TimeAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        var times = new List<double>();
        for (var i = 0; i < Runs + 2; i++)
        {
            var watch = Stopwatch.StartNew();
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{path} answered {response.StatusCode}");
            }

            // The first two warm the query plans and the JIT.
            if (i >= 2)
            {
                times.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        return times;
    }

    private static BenchResult Result(string variant, List<double> milliseconds, List<double>? baseline)
    {
        var sorted = milliseconds.Order().ToList();
        var p50 = Timings.Median(sorted);
        var p99 = sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(sorted.Count * 0.99) - 1)];
        return new BenchResult("console", variant, 1, sorted.Count, 0, 1000 / p50, p50, p99, Timings.RatioOfMedians(sorted, baseline), Environment.WorkingSet / (1024 * 1024),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    private static async Task<T> ScopedAsync<TService, T>(WebApplication bot, Func<TService, Task<T>> run)
        where TService : notnull
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
