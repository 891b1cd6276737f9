using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class HuddleAgendaTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task TheAgendaListsOverdueThenEscalatedThenNewAndWhatEachWorkerHolds()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-23 09:00"));
        // The chaser must not escalate the overdue ticket while the clock moves: this test is about the agenda.
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct, "--Schedules:EscalateAfterWorkingHours=70");
        var chat = host.Chat(Group);
        var overdue = (await chat.SayAsync(Person.Resident("张阿姨"), "6号楼楼下垃圾堆了好几天，臭得很", ct)).TicketNumber;
        await chat.SayAsync(Person.LeaderWang, $"派单 {overdue[^4..]} @李明", ct);
        var escalated = (await chat.SayAsync(Person.Resident("刘大爷"), "3号楼2单元楼道灯坏了好几天了", ct)).TicketNumber;

        clock.SetUtcNow(Beijing.At("2026-11-26 16:00"));
        await chat.SayAsync(Person.LeaderWang, $"升级 {escalated[^4..]} 需要物业协调更换线路", ct);
        var fresh = (await chat.SayAsync(Person.Resident("钱女士"), "5号楼门口垃圾桶满了没人清运", ct)).TicketNumber;

        var first = await host.RunAsync<DailyHuddleService, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-26 17:30"), TimeSpan.Zero, ct));
        var again = await host.RunAsync<DailyHuddleService, ScheduleRunResult>(s => s.RunAsync(Beijing.Utc("2026-11-26 17:35"), TimeSpan.Zero, ct));

        Assert.Equal(8, first.Sent);
        Assert.Equal(0, again.Sent);
        var agendas = await host.QueryAsync(db => db.Outbox.Where(o => o.ConversationId == Group && o.Text.StartsWith("【日碰头例会】")).Select(o => o.Text).ToListAsync(ct));
        var agenda = Assert.Single(agendas);
        Assert.Contains("在办 3 件：超期 1 · 升级待协调 1 · 新增 1", agenda);
        AssertInOrder(agenda, "一、超期（1）", overdue, "责任人：李明", "二、升级待协调（1）", escalated, "已上报社区", "三、新增（1）", fresh, "人员在办：", "· 李明 1 件（超期 1）", "· 未派单 1 件");
        Assert.DoesNotContain("另有", agenda);
        Assert.Equal(8, await host.QueryAsync(db => db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.DailyHuddle && n.Slot == "2026-11-26 17:30", ct)));
    }

    private static void AssertInOrder(string text, params string[] parts)
    {
        var at = 0;
        foreach (var part in parts)
        {
            var found = text.IndexOf(part, at, StringComparison.Ordinal);
            Assert.True(found >= 0, $"'{part}' missing after position {at} in:\n{text}");
            at = found + part.Length;
        }
    }
}
