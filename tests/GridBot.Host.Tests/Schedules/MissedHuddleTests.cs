using GridBot.Host.Tests.Infrastructure;
using GridBot.Store;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace GridBot.Host.Tests.Schedules;

public sealed class MissedHuddleTests
{
    private const int DemoGrids = 8;
    private const string Slot = "2026-10-10 17:30";

    [Fact]
    public async Task AHuddleMissedWhileDownIsSentOnceOnStartWithinTheGraceAndNeverAgain()
    {
        var ct = TestTimeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            // Saturday 10 October 2026 is a make-up workday: the host is down over 17:30 and comes back at 17:50.
            await using (var before = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-10-10 16:00")), folder, ct))
            {
                // Friday's 17:30 is a day old here: recorded as skipped, never sent.
                await WaitForAsync(before, "2026-10-09 17:30", DemoGrids, ct);
                Assert.Equal(0, await CountAsync(before, Slot, ct));
            }

            await using (var after = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-10-10 17:50")), folder, ct))
            {
                await WaitForAsync(after, Slot, DemoGrids, ct);
                var scheduler = await after.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct);
                var tick = await scheduler.GetTrigger(new TriggerKey("huddles-every-minute", "schedules"), ct);
                // The minute tick lives in the persistent store and runs on the host's (fake) clock.
                Assert.InRange(tick!.NextFireTimeUtc!.Value, Beijing.At("2026-10-10 17:50"), Beijing.At("2026-10-10 17:51"));
            }

            await using (var again = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-10-10 17:55")), folder, ct))
            {
                await Task.Delay(TimeSpan.FromSeconds(2), ct);
                Assert.Equal(DemoGrids, await CountAsync(again, Slot, ct));
                Assert.Equal(DemoGrids, await again.QueryAsync(db => db.Outbox.CountAsync(o => o.Text.StartsWith("【日碰头例会】") && o.Text.Contains("10月10日"), ct)));
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AHuddleMissedPastTheGraceIsLoggedAsSkippedAndNotSent()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-11-23 18:30")), null, ct);

        await WaitForAsync(host, "2026-11-23 17:30", DemoGrids, ct);

        Assert.True(await host.QueryAsync(db => db.ScheduleNotices.Where(n => n.Slot == "2026-11-23 17:30").AllAsync(n => n.Skipped, ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(o => o.Text.StartsWith("【日碰头例会】"), ct)));
    }

    private static Task<int> CountAsync(GridBotTestHost host, string slot, CancellationToken ct) =>
        host.QueryAsync(db => db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.DailyHuddle && n.Slot == slot, ct));

    /// <summary>The start-up run is a Quartz fire on the scheduler's own thread: wait for its rows.</summary>
    private static async Task WaitForAsync(GridBotTestHost host, string slot, int count, CancellationToken ct)
    {
        while (await CountAsync(host, slot, ct) < count)
        {
            await Task.Delay(100, ct);
        }
    }
}
