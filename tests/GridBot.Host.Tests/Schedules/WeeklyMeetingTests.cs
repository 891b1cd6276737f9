using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class WeeklyMeetingTests
{
    [Fact]
    public async Task TheAgendaGoesOutTheWorkingDayBeforeAndReportsLastWeeksDispatchOrders()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-16 10:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct, "--Schedules:EscalateAfterWorkingHours=70");
        var grid = host.Chat("demo-c01-g01");
        var staff = host.Chat("demo-c01-staff");
        var escalated = (await grid.SayAsync(Person.Resident("刘大爷"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;
        await grid.SayAsync(Person.LeaderWang, $"升级 {escalated[^4..]} 需要物业协调更换线路", ct);
        var done = (await grid.SayAsync(Person.Resident("张阿姨"), "6号楼楼下垃圾堆了好几天，臭得很", ct)).TicketNumber;
        var late = (await grid.SayAsync(Person.Resident("钱女士"), "5号楼门口垃圾桶满了没人清运", ct)).TicketNumber;

        Assert.Contains("→ 物业公司，截止 11月18日(周三)", (await staff.SayAsync(Person.CommunityZhao, $"派工单 {done[^4..]} @物业公司 截止 11月18日", ct)).Text);
        Assert.Contains("→ 李明", (await staff.SayAsync(Person.CommunityZhao, $"派工单 {late[^4..]} @李明 截止 2026-11-19", ct)).Text);
        Assert.Contains("用法", (await staff.SayAsync(Person.CommunityZhao, $"派工单 {late[^4..]} @李明 明天", ct)).Text);
        clock.SetUtcNow(Beijing.At("2026-11-17 15:00"));
        await grid.SayAsync(Person.LeaderWang, $"办结 {done[^4..]} 已清运", ct);

        var result = await host.RunAsync<WeeklyMeetingService, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-20 16:00"), TimeSpan.Zero, ct));

        Assert.Equal(2, result.Sent);   // both demo communities
        var agenda = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == "demo-c01-staff" && o.Text.StartsWith("【周联席会议】")).Select(o => o.Text).SingleAsync(ct));
        Assert.StartsWith("【周联席会议】幸福里社区 11月23日(周一) 09:00 召开", agenda);
        Assert.Contains("一、待协调的升级工单（1）", agenda);
        Assert.Contains(escalated, agenda);
        Assert.Contains("二、上周派工单（2）：按时完成 1 · 逾期完成 0 · 未完成 1", agenda);
        Assert.Contains($"{done} 环境卫生 → 物业公司，截止 11月18日：按时完成", agenda);
        Assert.Contains($"{late} 环境卫生 → 李明，截止 11月19日：未完成（已逾期 1 天）", agenda);
        Assert.Equal(0, (await host.RunAsync<WeeklyMeetingService, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-20 16:05"), TimeSpan.Zero, ct))).Sent);
    }

    [Fact]
    public async Task AroundNationalDayTheMeetingMovesAndItsAgendaGoesOutOnTheWorkingDayBefore()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-09-20 00:00")), null, ct);

        var slots = await host.RunAsync<SchedulePlanner, IReadOnlyList<ScheduleSlot>>(p => p.SlotsAsync(
            [ScheduleKind.WeeklyMeeting], Beijing.Utc("2026-09-20 00:00"), Beijing.Utc("2026-10-13 00:00"), "DEMO-S01-C01", ct));

        // Meetings: Mon 21 Sep (agenda on the make-up Sunday 20 Sep), Mon 28 Sep (agenda Thu 24 Sep, before 中秋), Thu 8 Oct (Mon 5 Oct is 国庆节; agenda Wed 30 Sep),
        // Mon 12 Oct (agenda on the make-up Saturday 10 Oct).
        Assert.Equal(["2026-09-20 16:00", "2026-09-24 16:00", "2026-09-30 16:00", "2026-10-10 16:00"], slots.Select(s => s.Key));
    }
}
