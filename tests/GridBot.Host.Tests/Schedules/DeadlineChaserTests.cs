using GridBot.Dialogs.Reminders;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Schedules;

public sealed class DeadlineChaserTests
{
    private const string Group = "demo-c01-g01";

    [Fact]
    public async Task TheOwnerIsRemindedThenChasedThenTheTicketEscalatesEachExactlyOnce()
    {
        var ct = TestTimeout.Token;
        // Monday 09:00; 环境卫生 has 16 working hours, so the deadline falls on Tuesday afternoon of the working calendar.
        await using var host = await GridBotTestHost.StartAsync(new FakeTimeProvider(Beijing.At("2026-11-23 09:00")), null, ct);
        var chat = host.Chat(Group);
        var number = (await chat.SayAsync(Person.Resident("张阿姨"), "6号楼楼下垃圾堆了好几天，臭得很", ct)).TicketNumber;
        await chat.SayAsync(Person.LeaderWang, $"派单 {number[^4..]} @李明", ct);
        var deadline = await host.QueryAsync(db => db.Tickets.Select(t => t.DeadlineUtc!.Value).SingleAsync(ct));

        async Task<ScheduleRunResult> RunAt(DateTime utc) =>
            await host.RunAsync<DeadlineChaser, ScheduleRunResult>(c => c.RunAsync(utc, ct));

        Assert.Equal(0, (await RunAt(Beijing.Utc("2026-11-23 12:00"))).Sent);
        Assert.Equal(1, (await RunAt(deadline.AddHours(-1))).Sent);         // past 75% of the working time
        Assert.Equal(0, (await RunAt(deadline.AddMinutes(-30))).Sent);      // never twice
        Assert.Equal(1, (await RunAt(deadline.AddMinutes(5))).Sent);        // 督办
        Assert.Equal(0, (await RunAt(deadline.AddMinutes(10))).Sent);
        var escalateAt = Beijing.Utc("2026-11-25 17:00");                   // the next working day: past the 4 working-hour grace
        Assert.Equal(1, (await RunAt(escalateAt)).Sent);
        Assert.Equal(0, (await RunAt(escalateAt.AddMinutes(5))).Sent);

        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Events).SingleAsync(ct));
        Assert.Equal(TicketTier.Community, ticket.Tier);
        Assert.Equal(TicketStatus.Escalated, ticket.Status);
        Assert.Equal(1, ticket.Events.Count(e => e.Action == TicketAction.Remind));
        Assert.Equal(1, ticket.Events.Count(e => e.Action == TicketAction.Chase));
        Assert.Equal(1, ticket.Events.Count(e => e.Action == TicketAction.Escalate));

        var sent = await host.QueryAsync(db => db.Outbox.Where(o => o.Text.Contains(number)).Select(o => new { o.ConversationId, o.Text }).ToListAsync(ct));
        Assert.Single(sent, s => s.ConversationId == Group && s.Text.StartsWith("【到期提醒】@李明"));
        Assert.Single(sent, s => s.ConversationId == Group && s.Text.StartsWith("【督办】@李明"));
        Assert.Single(sent, s => s.ConversationId == Group && s.Text.StartsWith("【自动升级】"));
        Assert.Single(sent, s => s.ConversationId == "demo-c01-staff" && s.Text.StartsWith("【升级工单】"));
    }
}
