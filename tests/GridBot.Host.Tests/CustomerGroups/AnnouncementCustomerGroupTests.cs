using System.Net.Http.Json;
using System.Text.Json;
using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Channels.WeCom.CustomerGroups;
using GridBot.Host.Tests.Announcements;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Kf;
using GridBot.Host.Tests.Schedules;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;
using static GridBot.Host.Tests.CustomerGroups.CustomerGroupFixture;

namespace GridBot.Host.Tests.CustomerGroups;

/// <summary>
/// An announcement published through the staff API reaches the grid's customer groups as owner tasks (a capped group
/// skipped with its reason), its per-group state is visible in the API until the owner confirms on the fake, and a
/// resident's 收到 on 微信客服 counts as its 回执.
/// </summary>
public sealed class AnnouncementCustomerGroupTests
{
    [Fact]
    public async Task AnAnnouncementReachesCustomerGroupsThroughTheOwnerAndAKfResidentsReceiptCounts()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        fake.PushCallbacksTo(host.Address);
        await KfSimulator.BindStaffAsync(host, Owner, "王芳", "Leader", ct);
        using (var put = await fake.Http.PostAsJsonAsync("/_fake/groupchats", new[] { Group("wrOpen"), Group("wrCapped") }, ct))
        {
            put.EnsureSuccessStatusCode();
        }

        await host.RunAsync<CustomerGroupSync, CustomerGroupSyncReport>(s => s.SyncAsync(ct));
        var cap = await FillMonthlyCapAsync(host, "wrCapped", DateTime.UtcNow, ct);

        var number = await AnnouncementApi.PublishAsync(host, "周六义诊", "本周六上午9点社区广场义诊，请带医保卡。", [KfSimulator.Grid], requireAck: true, ct);

        // The announcement, its chats' rows and the customer-group row are one transaction: the row is there with it.
        var row = await host.QueryAsync(db => db.AnnouncementGroupSends.Where(s => db.Announcements.Any(a => a.Id == s.AnnouncementId && a.Number == number)).Select(s => s.OutboxMessage!).SingleAsync(ct));
        Assert.Equal(("wecom-customer-group", KfSimulator.Grid), (row.Channel, row.ConversationId));
        var created = Assert.Single(await new KfSimulator(fake).WaitForAsync("externalcontact/add_msg_template", 1, ct));
        Assert.Equal(["wrOpen"], created["body"]!["chat_id_list"]!.AsArray().Select(n => n!.GetValue<string>()));
        var text = created["body"]!["text"]!["content"]!.GetValue<string>();
        Assert.Contains("本周六上午9点社区广场义诊", text);
        Assert.Contains("微信客服", text);

        var groups = await WaitForGroupsAsync(host, number, g => g["wrOpen"].Status == "OwnerToConfirm", ct);
        Assert.Equal(("Skipped", $"本月群发已达 {cap} 次上限"), (groups["wrCapped"].Status, groups["wrCapped"].Reason));

        var msgid = await host.QueryAsync(db => db.GroupMessageTasks.Where(t => t.OutboxMessageId == row.Id).Select(t => t.WeComMsgid).SingleAsync(ct));
        using (var confirm = await fake.Http.PostAsync($"/_fake/groupmsg/confirm?msgid={msgid}", null, ct))
        {
            confirm.EnsureSuccessStatusCode();
        }

        await GroupMessageTests.FollowAsync(host, DateTime.UtcNow, ct);
        groups = await WaitForGroupsAsync(host, number, g => g["wrOpen"].Status == "Sent", ct);
        Assert.Equal("Skipped", groups["wrCapped"].Status);

        // A resident of the grid answers on 微信客服: a 回执 of this announcement, thanked, and no ticket.
        var kf = new KfSimulator(fake);
        await kf.EnterAsync("wmZhao", KfSimulator.Grid, ct);
        await kf.SayAsync("wmZhao", ct, "收到！");
        var thanks = Assert.Single(await kf.WaitForAsync("kf/send_msg", 1, ct));
        Assert.Equal($"已记录您对公告 {number} 的回执，谢谢！", KfSimulator.Content(thanks));
        var ack = await host.QueryAsync(db => db.AnnouncementAcks.Include(a => a.Member).SingleAsync(ct));
        Assert.Equal((AnnouncementAckVia.Kf, "wecom-kf"), (ack.Via, ack.Member!.Channel));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        var (_, detail) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
        Assert.Equal(1, detail.GetProperty("acknowledged").GetInt32());
    }

    private static async Task<Dictionary<string, (string Status, string? Reason)>> WaitForGroupsAsync(
        GridBotTestHost host, int number, Func<Dictionary<string, (string Status, string? Reason)>, bool> done, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (status, json) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", cancellationToken);
            Assert.Equal(200, status);
            var groups = json.GetProperty("customerGroups").EnumerateArray().ToDictionary(
                g => g.GetProperty("chatId").GetString()!,
                g => (g.GetProperty("status").GetString()!, g.GetProperty("reason").ValueKind == JsonValueKind.String ? g.GetProperty("reason").GetString() : null));
            if (groups.Count == 2 && done(groups))
            {
                return groups;
            }

            await Task.Delay(50, cancellationToken);
        }
    }
}
