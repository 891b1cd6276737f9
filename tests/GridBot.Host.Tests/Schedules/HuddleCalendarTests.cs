using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class HuddleCalendarTests
{
    private const string Grid = "DEMO-S01-C01-G01";

    [Fact]
    public async Task HuddlesFollowTheTwentyTwentySixCalendarAroundNationalDay()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-09-18 12:00")), null, ct);

        var slots = await host.RunAsync<SchedulePlanner, IReadOnlyList<ScheduleSlot>>(planner => planner.SlotsAsync(
            [ScheduleKind.DailyHuddle], Beijing.Utc("2026-09-18 12:00"), Beijing.Utc("2026-10-12 23:59"), Grid, ct));
        var days = slots.Select(s => s.Key).ToList();

        Assert.All(slots, s => Assert.Equal("17:30", s.Key[^5..]));
        Assert.Contains("2026-09-18 17:30", days);
        Assert.DoesNotContain("2026-09-19 17:30", days);      // an ordinary Saturday
        Assert.Contains("2026-09-20 17:30", days);            // Sunday make-up workday (调休)
        Assert.DoesNotContain("2026-09-25 17:30", days);      // 中秋节
        Assert.Contains("2026-09-30 17:30", days);
        for (var day = 1; day <= 7; day++)
        {
            Assert.DoesNotContain($"2026-10-{day:00} 17:30", days);   // 国庆节
        }

        Assert.Contains("2026-10-09 17:30", days);
        Assert.Contains("2026-10-10 17:30", days);            // Saturday make-up workday
        Assert.DoesNotContain("2026-10-11 17:30", days);
        Assert.Contains("2026-10-12 17:30", days);
    }

    [Fact]
    public async Task AWeeklyDigestOnAHolidayMondayMovesToTheNextWorkingDay()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-09-28 00:00")), null, ct);

        var slots = await host.RunAsync<SchedulePlanner, IReadOnlyList<ScheduleSlot>>(planner => planner.SlotsAsync(
            [ScheduleKind.WeeklyDigest], Beijing.Utc("2026-09-28 00:00"), Beijing.Utc("2026-10-13 00:00"), "DEMO-S01-C01", ct));

        // Monday 28 September is a working day; Monday 5 October is 国庆节, so that week's digest goes out on Thursday 8 October.
        Assert.Equal(["2026-09-28 08:00", "2026-10-08 08:00", "2026-10-12 08:00"], slots.Select(s => s.Key));
    }
}
