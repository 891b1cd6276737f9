using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Schedules;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class RemindCommandTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task ALeaderMovesPausesAndResumesTheGridsHuddleAndAWorkerMayOnlyLook()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-11-23 09:00")), null, ct);
        var chat = host.Chat(Group);

        var list = await chat.SayAsync(Person.WorkerLi, "提醒 列表", ct);
        Assert.Contains("日碰头：每个工作日 17:30", list.Text);
        Assert.Contains("下一次 11月23日 17:30", list.Text);
        Assert.Contains("只有本网格的网格长", (await chat.SayAsync(Person.WorkerLi, "提醒 日碰头 16:00", ct)).Text);

        Assert.Contains("改为每个工作日 16:00", (await chat.SayAsync(Person.LeaderWang, "提醒 日碰头 16：00", ct)).Text);
        Assert.Equal(["2026-11-23 16:00"], await HuddlesTodayAsync(host, ct));

        Assert.Contains("已暂停", (await chat.SayAsync(Person.LeaderWang, "/remind pause huddle", ct)).Text);
        Assert.Empty(await HuddlesTodayAsync(host, ct));
        Assert.Contains("已恢复", (await chat.SayAsync(Person.LeaderWang, "提醒 恢复 日碰头", ct)).Text);
        Assert.Equal(["2026-11-23 16:00"], await HuddlesTodayAsync(host, ct));

        Assert.Contains("发往社区、街道工作群", (await chat.SayAsync(Person.LeaderWang, "提醒 周报 周三 09:00", ct)).Text);
        Assert.Contains("请这样写", (await chat.SayAsync(Person.LeaderWang, "提醒 日碰头 下午五点", ct)).Text);
    }

    [Fact]
    public async Task CommunityStaffMoveTheWeeklyDigestToAnotherDay()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-11-23 09:00")), null, ct);

        var reply = await host.Chat("demo-c01-staff").SayAsync(Person.CommunityZhao, "提醒 周报 周三 09:30", ct);

        Assert.Contains("改为每周三 09:30", reply.Text);
        var slots = await host.RunAsync<SchedulePlanner, IReadOnlyList<ScheduleSlot>>(p => p.SlotsAsync(
            [ScheduleKind.WeeklyDigest], Beijing.Utc("2026-11-23 09:00"), Beijing.Utc("2026-11-30 00:00"), "DEMO-S01-C01", ct));
        Assert.Equal(["2026-11-25 09:30"], slots.Select(s => s.Key));
    }

    private static async Task<List<string>> HuddlesTodayAsync(GridBotTestHost host, CancellationToken ct)
    {
        var slots = await host.RunAsync<SchedulePlanner, IReadOnlyList<ScheduleSlot>>(p => p.SlotsAsync(
            [ScheduleKind.DailyHuddle], Beijing.Utc("2026-11-23 09:00"), Beijing.Utc("2026-11-23 23:59"), "DEMO-S01-C01-G01", ct));
        return [.. slots.Select(s => s.Key)];
    }
}
