using System.Net.Http.Json;
using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Channels.WeCom.CustomerGroups;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Kf;
using GridBot.Host.Tests.Schedules;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using static GridBot.Host.Tests.CustomerGroups.CustomerGroupFixture;

namespace GridBot.Host.Tests.CustomerGroups;

/// <summary>Mass-send into customer groups: owner tasks, the monthly cap, reminders (3 a day) until the owner confirms.</summary>
public sealed class GroupMessageTests
{
    [Fact]
    public async Task AnAnnouncementBecomesAnOwnerTaskSkipsACappedGroupAndRemindsTheOwnerUntilConfirmed()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        await KfSimulator.BindStaffAsync(host, Owner, "王芳", "Leader", ct);
        using (var put = await fake.Http.PostAsJsonAsync("/_fake/groupchats", new[] { Group("wrOpen"), Group("wrCapped") }, ct))
        {
            put.EnsureSuccessStatusCode();
        }

        await host.RunAsync<CustomerGroupSync, CustomerGroupSyncReport>(s => s.SyncAsync(ct));
        var now = DateTime.UtcNow;
        var cap = await CustomerGroupFixture.FillMonthlyCapAsync(host, "wrCapped", now, ct);

        var rowId = await host.QueryAsync(async db =>
        {
            var row = db.Outbox.Enqueue("wecom-customer-group", KfSimulator.Grid, "【公告】本周六上午9点社区广场义诊", now);
            await db.SaveChangesAsync(ct);
            return row.Id;
        });
        var created = Assert.Single(await new KfSimulator(fake).WaitForAsync("externalcontact/add_msg_template", 1, ct));
        Assert.Equal(Owner, created["body"]!["sender"]!.GetValue<string>());
        Assert.Equal(["wrOpen"], created["body"]!["chat_id_list"]!.AsArray().Select(n => n!.GetValue<string>()));
        Assert.Equal(OutboxStatus.Sent, await WaitForStatusAsync(host, rowId, ct));
        var skip = await host.QueryAsync(db => db.GroupMessageSkips.SingleAsync(s => s.OutboxMessageId == rowId, ct));
        Assert.Equal(("wrCapped", $"本月群发已达 {cap} 次上限"), (skip.ChatId, skip.Reason));

        // Reminders: one now, none within two hours, at most three a Beijing day, again the next day.
        var morning = Beijing.Utc("2026-11-24 09:00");
        int[] reminded =
        [
            await FollowAsync(host, morning, ct), await FollowAsync(host, morning.AddMinutes(30), ct), await FollowAsync(host, morning.AddHours(2), ct),
            await FollowAsync(host, morning.AddHours(4), ct), await FollowAsync(host, morning.AddHours(6), ct), await FollowAsync(host, morning.AddDays(1), ct),
        ];
        Assert.Equal([1, 0, 1, 1, 0, 1], reminded);
        var reminders = await host.QueryAsync(db => db.Outbox.Where(o => o.Channel == "wecom" && o.ConversationId == Owner).Select(o => o.Text).ToListAsync(ct));
        Assert.All(reminders, text => Assert.StartsWith("【群发提醒】您有一条发往 1 个客户群", text));

        var msgid = await host.QueryAsync(db => db.GroupMessageTasks.Where(t => t.OutboxMessageId == rowId).Select(t => t.WeComMsgid).SingleAsync(ct));
        using (var confirm = await fake.Http.PostAsync($"/_fake/groupmsg/confirm?msgid={msgid}", null, ct))
        {
            confirm.EnsureSuccessStatusCode();
        }

        Assert.Equal(0, await FollowAsync(host, morning.AddDays(1).AddHours(3), ct));
        Assert.Equal(GroupMessageStatus.Sent, await host.QueryAsync(db => db.GroupMessageTasks.Where(t => t.WeComMsgid == msgid).Select(t => t.Status).SingleAsync(ct)));
    }

    internal static Task<int> FollowAsync(GridBotTestHost host, DateTime nowUtc, CancellationToken cancellationToken) =>
        host.RunAsync<GroupMessageFollower, int>(f => f.RunAsync(nowUtc, cancellationToken));

    private static async Task<OutboxStatus> WaitForStatusAsync(GridBotTestHost host, long id, CancellationToken cancellationToken)
    {
        while (true)
        {
            var status = await host.QueryAsync(db => db.Outbox.Where(o => o.Id == id).Select(o => o.Status).SingleAsync(cancellationToken));
            if (status != OutboxStatus.Pending)
            {
                return status;
            }

            await Task.Delay(20, cancellationToken);
        }
    }
}
