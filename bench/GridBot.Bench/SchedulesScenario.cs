using System.Diagnostics;
using System.Globalization;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Proactive;
using GridBot.Dialogs.Reminders;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Store;
using GridBot.Store.Schedules;
using Microsoft.AspNetCore.Builder;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Bench;

/// <summary>
/// 2,009 micro-grid chats whose huddle falls on the same minute: time from the fire to the last agenda committed to the
/// outbox (handed to the sender), and the part spent building agendas (one ticket query + text); then digests of the
/// whole 685-grid district over 1,000,000 tickets on SQLite.
/// </summary>
internal static class SchedulesScenario
{
    private const int OpenPerGrid = 10;
    private const int Runs = 3;

    private static readonly string[] Categories = ["环境卫生", "民生服务", "安全隐患", "社情民意", "矛盾纠纷"];

    public static async Task<IReadOnlyList<BenchResult>> RunAsync(BenchSettings settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-bench", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var database = Path.Combine(folder, "bench.db");
        // 03:00 Beijing time on days in the past: the host's own Quartz ticks (real time) never fire these slots.
        var bot = GridBotApp.Build([
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={database}",
            "--Demo:Enabled=false",
            "--Schedules:HuddleTime=03:00",
            // The chaser would otherwise set about the 20,090 overdue benchmark tickets in the middle of the measurement.
            "--Schedules:ChaseInterval=01:00:00",
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

        var results = new List<BenchResult>();
        var microGrids = await QueryAsync(bot, db => db.Grids.Where(g => g.Level == Store.Grids.GridLevel.MicroGrid).Select(g => g.Id).ToListAsync(cancellationToken));
        var seed = Stopwatch.StartNew();
        InsertTickets(database, microGrids.SelectMany(id => Enumerable.Repeat(id, OpenPerGrid)).ToList(), open: true, new DateTime(2026, 11, 10, 0, 0, 0, DateTimeKind.Utc), 20);
        Console.WriteLine($"seeded {microGrids.Count * OpenPerGrid:N0} open tickets in {seed.Elapsed.TotalSeconds:0.0} s");

        using var meter = new DbTimeMeter();
        var fire = new List<double>();
        var build = new List<double>();
        var buildDb = new List<double>();
        var sent = 0;
        foreach (var day in new[] { "2026-11-16", "2026-11-17", "2026-11-18" }.Take(Runs))
        {
            var at = DateTime.SpecifyKind(DateTime.ParseExact(day + " 03:00", "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture).AddHours(-8), DateTimeKind.Utc);
            meter.Reset();
            var watch = Stopwatch.StartNew();
            var slots = await ScopedAsync(bot, (SchedulePlanner p) => p.SlotsAsync([ScheduleKind.DailyHuddle], at.AddMinutes(-1), at, null, cancellationToken));
            var agendas = await ScopedAsync(bot, (DailyHuddleService s) => s.AgendasAsync([.. slots], cancellationToken));
            build.Add(watch.Elapsed.TotalMilliseconds);
            buildDb.Add(meter.Elapsed.TotalMilliseconds);
            if (agendas.Count != DistrictData.MicroGrids)
            {
                throw new InvalidOperationException($"{agendas.Count} agendas for {DistrictData.MicroGrids} grids");
            }

            watch.Restart();
            var run = await ScopedAsync(bot, (DailyHuddleService s) => s.RunAsync(at, TimeSpan.Zero, cancellationToken));
            fire.Add(watch.Elapsed.TotalMilliseconds);
            sent = run.Sent;
        }

        var commit = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await using (var scope = bot.Services.CreateAsyncScope())
            {
                var messenger = scope.ServiceProvider.GetRequiredService<ProactiveMessenger>();
                for (var m = 0; m < DistrictData.MicroGrids; m++)
                {
                    messenger.Enqueue("demo", $"bench-{m}", null, $"【基准】第{m + 1}微网格：今日碰头会议程见群公告。");
                }

                await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().SaveChangesAsync(cancellationToken);
            }

            commit.Add(watch.Elapsed.TotalMilliseconds);
        }

        results.Add(Result("huddle baseline: 2,009 fixed notices committed to the outbox", DistrictData.MicroGrids, commit, null));
        results.Add(Result("huddle: fire → last agenda in outbox", sent, fire, commit));
        results.Add(Result("huddle: build 2,009 agendas (plan + query + text)", DistrictData.MicroGrids, build, commit));
        results.Add(Result("huddle: of which database time", DistrictData.MicroGrids, buildDb, null));

        seed.Restart();
        var grids = await QueryAsync(bot, db => db.Grids.Where(g => g.Level == Store.Grids.GridLevel.Grid).Select(g => g.Id).ToListAsync(cancellationToken));
        var random = new Random(7);
        InsertTickets(database, [.. Enumerable.Range(0, settings.Tickets).Select(_ => grids[random.Next(grids.Count)])], open: false, new DateTime(2025, 11, 23, 0, 0, 0, DateTimeKind.Utc), 365);
        Console.WriteLine($"seeded {settings.Tickets:N0} tickets in {seed.Elapsed.TotalSeconds:0.0} s");
        var (weekNew, weekQuery) = GroupedWeek(database);
        results.Add(Result($"digest baseline: one grouped range query, week ({settings.TicketsLabel} tickets)", weekNew, weekQuery, null));
        foreach (var (scope, period) in new[] { ("D", DigestPeriod.Daily), ("D", DigestPeriod.Weekly), ("D-S0", DigestPeriod.Weekly), ("D-S0-C0", DigestPeriod.Weekly) })
        {
            var times = new List<double>();
            var dbTimes = new List<double>();
            var count = 0;
            for (var i = 0; i < Runs; i++)
            {
                meter.Reset();
                var watch = Stopwatch.StartNew();
                var digest = await ScopedAsync(bot, (DigestBuilder b) => b.BuildAsync(scope, period, new DateOnly(2026, 11, 23), cancellationToken));
                times.Add(watch.Elapsed.TotalMilliseconds);
                dbTimes.Add(meter.Elapsed.TotalMilliseconds);
                count = digest!.Totals.New;
            }

            results.Add(Result($"digest {period.ToString().ToLowerInvariant()} {scope} ({settings.TicketsLabel} tickets)", count, times, weekQuery));
            results.Add(Result($"digest {period.ToString().ToLowerInvariant()} {scope}: of which database time", count, dbTimes, null));
        }

        await bot.StopAsync(cancellationToken);
        await bot.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(folder, recursive: true);
        return results;
    }

    /// <summary>Raw prepared inserts in one transaction (~150k rows/s): seeding a million rows through EF would dominate the run.</summary>
    internal static void InsertTickets(string database, List<int> gridIds, bool open, DateTime firstUtc, int spreadDays)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = """
            INSERT INTO Tickets (Number, Category, Urgency, Place, Description, GridId, Channel, ConversationId, Status, Tier,
                CreatedUtc, UpdatedUtc, DeadlineUtc, ResolvedUtc, OwnerName, Rating)
            VALUES ($number, $category, 'Normal', '3号楼', '基准工单', $grid, 'demo', 'bench', $status, 'Grid',
                $created, $created, $deadline, $resolved, $owner, $rating)
            """;
        var parameters = new[] { "$number", "$category", "$grid", "$status", "$created", "$deadline", "$resolved", "$owner", "$rating" }
            .ToDictionary(n => n, n => command.Parameters.Add(n, SqliteType.Text));
        var random = new Random(open ? 1 : 2);
        var prefix = open ? "O" : "H";
        for (var i = 0; i < gridIds.Count; i++)
        {
            var created = firstUtc.AddMinutes(random.Next(spreadDays * 24 * 60));
            var deadline = created.AddHours(16 + random.Next(48));
            var stillOpen = open || random.Next(100) < 3;
            var resolved = stillOpen ? (DateTime?)null : created.AddHours(1 + random.Next(72));
            parameters["$number"].Value = $"{prefix}{i:D8}";
            parameters["$category"].Value = Categories[random.Next(Categories.Length)];
            parameters["$grid"].Value = gridIds[i];
            parameters["$status"].Value = stillOpen ? (random.Next(10) == 0 ? "Escalated" : "Assigned") : "Rated";
            parameters["$created"].Value = Sql(created);
            parameters["$deadline"].Value = Sql(deadline);
            parameters["$resolved"].Value = resolved is { } r ? Sql(r) : DBNull.Value;
            parameters["$owner"].Value = $"网格员{random.Next(4)}";
            parameters["$rating"].Value = stillOpen ? DBNull.Value : random.Next(10) == 0 ? "Unsatisfied" : "Satisfied";
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>
    /// The least a weekly digest must do: one raw grouped range query on the CreatedUtc index for the week before
    /// 2026-11-23 (Beijing), no EF, no text. Returns the tickets it counted and its times.
    /// </summary>
    private static (int Tickets, List<double> Milliseconds) GroupedWeek(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database}");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT GridId, Category, COUNT(*) FROM Tickets WHERE CreatedUtc >= $from AND CreatedUtc < $to GROUP BY GridId, Category";
        command.Parameters.AddWithValue("$from", Sql(new DateTime(2026, 11, 15, 16, 0, 0, DateTimeKind.Utc)));
        command.Parameters.AddWithValue("$to", Sql(new DateTime(2026, 11, 22, 16, 0, 0, DateTimeKind.Utc)));
        var times = new List<double>();
        var tickets = 0;
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            tickets = 0;
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                tickets += reader.GetInt32(2);
            }

            times.Add(watch.Elapsed.TotalMilliseconds);
        }

        return (tickets, times);
    }

    private static string Sql(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>A timed row; against a baseline its ratio is p50 ÷ the baseline's p50 (times the baseline's time), as the console's.</summary>
    private static BenchResult Result(string variant, long items, List<double> milliseconds, List<double>? baseline)
    {
        var p50 = Timings.Median(milliseconds);
        return new BenchResult("schedules", variant, 1, items, 0, items / (p50 / 1000), p50, milliseconds.Max(),
            Timings.RatioOfMedians(milliseconds, baseline), Environment.WorkingSet / (1024 * 1024), GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));
    }

    private static async Task<T> QueryAsync<T>(WebApplication bot, Func<GridBotDbContext, Task<T>> query)
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    private static async Task<T> ScopedAsync<TService, T>(WebApplication bot, Func<TService, Task<T>> run)
        where TService : notnull
    {
        await using var scope = bot.Services.CreateAsyncScope();
        return await run(scope.ServiceProvider.GetRequiredService<TService>());
    }
}
