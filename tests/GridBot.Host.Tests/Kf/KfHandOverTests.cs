using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Kf;

public sealed class KfHandOverTests
{
    [Fact]
    public async Task 转人工HandsTheSessionToTheGridWorkerTheBotStaysSilentAndTakesItBackWhenTheyEnd()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        fake.PushCallbacksTo(host.Address);
        await KfSimulator.BindStaffAsync(host, KfSimulator.Servicer, "李明", "Worker", ct);
        var kf = new KfSimulator(fake);
        await kf.EnterAsync("wmZhao", KfSimulator.Grid, ct);

        await kf.SayAsync("wmZhao", ct, "转人工");

        var trans = Assert.Single(await kf.WaitForAsync("kf/service_state/trans", 1, ct));
        Assert.Equal((0, 3, KfSimulator.Servicer), (trans["errcode"]!.GetValue<int>(), trans["body"]!["service_state"]!.GetValue<int>(), trans["body"]!["servicer_userid"]!.GetValue<string>()));
        Assert.Contains(await kf.WaitForAsync("kf/send_msg_on_event", 2, ct), r => KfSimulator.Content(r).Contains("已为您转接网格员李明"));
        var task = Assert.Single(await kf.WaitForAsync("message/send", 1, ct));
        Assert.Equal(KfSimulator.Servicer, task["target"]!.GetValue<string>());
        Assert.Equal(3, (await kf.SessionAsync("wmZhao", ct))["service_state"]!.GetValue<int>());

        // While the worker holds the session the bot reads but does not answer or file.
        await kf.SayAsync("wmZhao", ct, "3号楼2单元楼道灯坏了好几天了");
        await kf.ServicerEndsAsync("wmZhao", ct);
        await kf.SayAsync("wmZhao", ct, "7号楼东侧的路灯不亮了");

        var reply = Assert.Single(await kf.WaitForAsync("kf/send_msg", 1, ct));
        Assert.Contains("7号楼", KfSimulator.Content(reply));
        Assert.StartsWith("7号楼", Assert.Single(await host.QueryAsync(db => db.Tickets.Select(t => t.Place).ToListAsync(ct))));
        Assert.Equal(KfServiceState.Bot, await host.QueryAsync(db => db.KfSessions.Select(s => s.ServiceState).SingleAsync(ct)));
    }

    [Fact]
    public async Task AWorkerTakesOverAResidentsSessionByTicketAndHandsItBackToTheBot()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        fake.PushCallbacksTo(host.Address);
        await KfSimulator.BindStaffAsync(host, KfSimulator.Servicer, "李明", "Worker", ct);
        var kf = new KfSimulator(fake);
        await kf.EnterAsync("wmSun", KfSimulator.Grid, ct);
        await kf.SayAsync("wmSun", ct, "3号楼2单元楼道灯坏了好几天了");
        await kf.WaitForAsync("kf/send_msg", 1, ct);
        var (ticket, session) = await host.QueryAsync(async db => (await db.Tickets.Select(t => t.Number).SingleAsync(ct), await db.KfSessions.Select(s => s.Id).SingleAsync(ct)));

        await WeComAppChannelTests.PostAsync(host, WeComAppChannelTests.TextXml(KfSimulator.Servicer, "接管 " + ticket, "7311000000000000501"), ct);

        var trans = Assert.Single(await kf.WaitForAsync("kf/service_state/trans", 1, ct));
        Assert.Equal((0, 3, KfSimulator.Servicer), (trans["errcode"]!.GetValue<int>(), trans["body"]!["service_state"]!.GetValue<int>(), trans["body"]!["servicer_userid"]!.GetValue<string>()));
        Assert.Contains(await kf.WaitForAsync("kf/send_msg_on_event", 2, ct), r => KfSimulator.Content(r).Contains("已为您转接网格员李明"));
        Assert.Contains($"已接管客服会话 {session}", KfSimulator.Content(Assert.Single(await kf.WaitForAsync("message/send", 1, ct))));

        // Held by the worker: the bot reads but neither answers nor files.
        await kf.SayAsync("wmSun", ct, "5号楼的灯也坏了");
        await WeComAppChannelTests.PostAsync(host, WeComAppChannelTests.TextXml(KfSimulator.Servicer, $"handback 客服{session}", "7311000000000000502"), ct);

        var back = await kf.WaitForAsync("kf/service_state/trans", 2, ct);
        Assert.Equal((0, 4), (back[1]["errcode"]!.GetValue<int>(), back[1]["body"]!["service_state"]!.GetValue<int>()));
        Assert.Contains(await kf.WaitForAsync("kf/send_msg_on_event", 3, ct), r => KfSimulator.Content(r).Contains("本次人工服务已结束"));
        Assert.Contains("已交还机器人", KfSimulator.Content((await kf.WaitForAsync("message/send", 2, ct))[1]));

        await kf.SayAsync("wmSun", ct, "7号楼东侧的路灯不亮了");
        var replies = await kf.WaitForAsync("kf/send_msg", 2, ct);
        Assert.Contains("7号楼", KfSimulator.Content(replies[1]));
        var places = await host.QueryAsync(db => db.Tickets.OrderBy(t => t.Id).Select(t => t.Place).ToListAsync(ct));
        Assert.Equal(2, places.Count);
        Assert.StartsWith("7号楼", places[1]);
    }
}
