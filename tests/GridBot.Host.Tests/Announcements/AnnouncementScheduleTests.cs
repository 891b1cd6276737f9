using GridBot.Dialogs.Announcements;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Quartz;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementScheduleTests
{
    [Fact]
    public async Task AScheduledAnnouncementIsPublishedOnceWhenDue()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-23 15:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct);
        // Quartz on standby: its every-minute publishing job reads the same fake clock, so after the jump to 09:00 it could
        // publish first and leave the two racing calls below nothing to do (seen twice under load; Schedules:Enabled only
        // switches the huddle/digest slots, not this job). The race under test is theirs.
        await (await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler(ct)).Standby(ct);

        var number = await AnnouncementApi.PublishAsync(host, "周末停电检修", "周六8:00—12:00停电检修。", ["DEMO-S01-C02"], false, ct, scheduleAt: "2026-11-24 09:00");
        var (_, before) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
        Assert.Equal("Scheduled", before.GetProperty("status").GetString());
        Assert.Equal(0, await host.RunAsync<AnnouncementPublisher, int>(p => p.PublishDueAsync(Beijing.Utc("2026-11-24 08:59"), ct)));

        clock.SetUtcNow(Beijing.At("2026-11-24 09:00"));
        var first = host.RunAsync<AnnouncementPublisher, int>(p => p.PublishDueAsync(Beijing.Utc("2026-11-24 09:00"), ct));
        var second = host.RunAsync<AnnouncementPublisher, int>(p => p.PublishDueAsync(Beijing.Utc("2026-11-24 09:00"), ct));
        var published = await first + await second;
        var again = await host.RunAsync<AnnouncementPublisher, int>(p => p.PublishDueAsync(Beijing.Utc("2026-11-24 09:01"), ct));

        Assert.Equal(1, published);
        Assert.Equal(0, again);
        // Three grid chats and the community's staff chat, once each.
        Assert.Equal(4, await host.QueryAsync(db => db.Outbox.CountAsync(o => o.Text.StartsWith($"【公告 {number}】"), ct)));
        var (_, after) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
        Assert.Equal("Published", after.GetProperty("status").GetString());
    }

    [Fact]
    public async Task ALowAckRateRemindsTheGridLeaderOnceAfterTheConfiguredTime()
    {
        var ct = TestTimeout.Token;
        var clock = new FakeTimeProvider(Beijing.At("2026-11-23 10:00"));
        await using var host = await GridBotTestHost.StartAsync(clock, null, ct, "--Announcements:AckReminderAfter=02:00:00", "--Announcements:LowAckRate=0.5");
        var number = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", ["DEMO-S01-C01-G01", "DEMO-S01-C01-G02"], true, ct);
        var g01 = host.Chat("demo-c01-g01");
        // G01: 3 of 4 known (王芳, 李明, two liaisons) acknowledge; G02: nobody does.
        await g01.SayAsync(Person.LeaderWang, "收到", ct);
        await g01.SayAsync(Person.WorkerLi, "收到", ct);
        await g01.SayAsync(new Person("liaison-c01-g01-m01", "孙大爷"), "收到", ct);

        Assert.Equal(0, await host.RunAsync<AckReminderService, int>(s => s.RunAsync(Beijing.Utc("2026-11-23 11:59"), ct)));
        var sent = await host.RunAsync<AckReminderService, int>(s => s.RunAsync(Beijing.Utc("2026-11-23 12:05"), ct));
        var again = await host.RunAsync<AckReminderService, int>(s => s.RunAsync(Beijing.Utc("2026-11-23 12:10"), ct));

        Assert.Equal(1, sent);
        Assert.Equal(0, again);
        var reminder = await host.QueryAsync(db => db.Outbox.SingleAsync(o => o.Text.StartsWith("【回执提醒】"), ct));
        Assert.Equal("demo-c01-g02", reminder.ConversationId);
        Assert.Contains("网格长陈刚", reminder.Text);
        Assert.Contains($"公告 {number}", reminder.Text);
        Assert.Contains("回执 0/2（0%）", reminder.Text);
        Assert.Equal(1, await host.QueryAsync(db => db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.AnnouncementAckReminder && !n.Skipped, ct)));
    }
}
