using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Announcements;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementAckTests
{
    private const string G01 = "DEMO-S01-C01-G01";

    [Fact]
    public async Task SayingReceivedOrQuotingRecordsOneAckEachAndNeverATicket()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var group = host.Chat("demo-c01-g01");
        var older = await AnnouncementApi.PublishAsync(host, "停水通知", "周三上午停水。", [G01], requireAck: true, ct);
        var newer = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", [G01], requireAck: true, ct);
        var liu = Person.Resident("刘大爷");
        var zhang = Person.Resident("张阿姨");

        var silent = await group.SayAsync(liu, "收到！", ct);
        await group.SayAsync(liu, "收到", ct);
        await group.SayAsync(Person.WorkerLi, "已阅👍", ct);
        // A quote-reply from the chat page names the quoted message: the outbox row of the older announcement.
        var olderRow = await host.QueryAsync(db => db.AnnouncementDeliveryParts
            .Where(p => db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.Announcement!.Number == older)).Select(p => p.OutboxMessageId).SingleAsync(ct));
        var quote = group.Build(zhang, "已读。");
        quote.ReplyToId = olderRow.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await host.PostActivityAsync(quote, ct)).StatusCode);

        Assert.True(silent.IsSilent);
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        var byNumber = await host.QueryAsync(db => db.AnnouncementAcks
            .Select(a => new { Number = db.Announcements.Where(x => x.Id == a.AnnouncementId).Select(x => x.Number).First(), a.Member!.Name, a.Via }).ToListAsync(ct));
        Assert.Equal(3, byNumber.Count);
        Assert.Contains(byNumber, a => a.Number == newer && a.Name == "刘大爷" && a.Via == AnnouncementAckVia.Words);
        Assert.Contains(byNumber, a => a.Number == newer && a.Name == "李明");
        Assert.Contains(byNumber, a => a.Number == older && a.Name == "张阿姨" && a.Via == AnnouncementAckVia.Quote);
    }

    [Fact]
    public async Task AWeComQuoteOfTheAnnouncementHeaderAcknowledgesThatOne()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var older = await AnnouncementApi.PublishAsync(host, "停水通知", "周三上午停水。", [G01], requireAck: true, ct);
        await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", [G01], requireAck: true, ct);

        await host.Chat("demo-c01-g01").SayAsync(Person.Resident("赵"), $"收到\n（引用：【公告 {older}】停水通知 周三上午停水。）", ct);

        var ack = await host.QueryAsync(db => db.AnnouncementAcks.SingleAsync(ct));
        Assert.Equal(older, await host.QueryAsync(db => db.Announcements.Where(a => a.Id == ack.AnnouncementId).Select(a => a.Number).SingleAsync(ct)));
        Assert.Equal(AnnouncementAckVia.Quote, ack.Via);
    }

    [Fact]
    public async Task ReceivedWithoutAnOpenAnnouncementIsLeftAlone()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        await AnnouncementApi.PublishAsync(host, "防火提示", "注意用电安全。", [G01], requireAck: false, ct);

        var reply = await host.Chat("demo-c01-g01").SayAsync(Person.Resident("钱"), "收到", ct);

        Assert.True(reply.IsSilent);
        Assert.Equal(0, await host.QueryAsync(db => db.AnnouncementAcks.CountAsync(ct)));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task ReceiptsListWhoAcknowledgedAndWhoNotByName()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var group = host.Chat("demo-c01-g01");
        var number = await AnnouncementApi.PublishAsync(host, "医保缴费通知", "医保缴费截止12月31日。", [G01], requireAck: true, ct);
        await group.SayAsync(Person.Resident("刘大爷"), "收到", ct);
        await group.SayAsync(Person.WorkerLi, "收到", ct);

        var receipts = (await group.SayAsync(Person.LeaderWang, "公告 回执", ct)).Text;
        var byNumber = (await host.Private(Person.LeaderWang.Id).SayAsync(Person.LeaderWang, $"/receipts {number}", ct)).Text;

        // Known in G01 and below: 王芳, 李明, the two micro-grid liaisons and 刘大爷 (a member since he spoke).
        Assert.Contains($"【公告 {number}】医保缴费通知", receipts);
        Assert.Contains("回执 2/5（40%）", receipts);
        Assert.Contains("已确认 2 人：李明、刘大爷", receipts);
        Assert.Contains("未确认 3 人：王芳、孙大爷、钱阿姨", receipts);
        Assert.Contains("已确认 2 人", byNumber);
        Assert.Equal(receipts, (await group.SayAsync(Person.WorkerLi, "公告回执", ct)).Text);
        var (_, detail) = await AnnouncementApi.GetAsync(host, $"/api/announcements/{number}", ct);
        var grid = Assert.Single(detail.GetProperty("grids").EnumerateArray());
        Assert.Equal(G01, grid.GetProperty("code").GetString());
        Assert.Equal(0.4, grid.GetProperty("rate").GetDouble(), 3);
        Assert.Equal(2, detail.GetProperty("acknowledged").GetInt32());
    }
}
