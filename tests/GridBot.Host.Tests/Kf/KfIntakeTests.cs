using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Kf;

/// <summary>The resident's loop on 微信客服: link → welcome, message → callback → sync_msg → ticket → send_msg.</summary>
public sealed class KfIntakeTests
{
    [Fact]
    public async Task AResidentFromAGridLinkIsWelcomedAndTheirReportBecomesATicketAnsweredByKf()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        fake.PushCallbacksTo(host.Address);
        var kf = new KfSimulator(fake);

        await kf.EnterAsync("wmZhang", KfSimulator.Grid, ct);
        var welcome = Assert.Single(await kf.WaitForAsync("kf/send_msg_on_event", 1, ct));
        Assert.Equal(0, welcome["errcode"]!.GetValue<int>());
        Assert.Contains("幸福里社区第一网格", KfSimulator.Content(welcome));

        await kf.SayAsync("wmZhang", ct, "3号楼2单元楼道灯坏了好几天了");
        var reply = Assert.Single(await kf.WaitForAsync("kf/send_msg", 1, ct));

        Assert.Equal(0, reply["errcode"]!.GetValue<int>());
        Assert.Equal("wmZhang", reply["target"]!.GetValue<string>());
        var ticket = await host.QueryAsync(db => db.Tickets.Include(t => t.Grid).SingleAsync(ct));
        Assert.Contains(ticket.Number, KfSimulator.Content(reply));
        Assert.Equal(("wecom-kf", $"{KfSimulator.OpenKfid}:wmZhang", KfSimulator.Grid), (ticket.Channel, ticket.ConversationId, ticket.Grid!.Code));
        var resident = await host.QueryAsync(db => db.Members.Include(m => m.Grid).SingleAsync(m => m.Channel == "wecom-kf", ct));
        Assert.Equal((MemberRole.Resident, KfSimulator.Grid), (resident.Role, resident.Grid!.Code));
    }

    [Fact]
    public async Task TheCursorSurvivesARestartAndAPageReadAgainFilesNothingTwice()
    {
        var ct = TestTimeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        var kf = new KfSimulator(fake);
        try
        {
            await using (var first = await GridBotTestHost.StartAsync(null, folder, ct, WeComSimulator.AppSettings(fake)))
            {
                fake.PushCallbacksTo(first.Address);
                await kf.EnterAsync("wmLiu", KfSimulator.Grid, ct);
                await kf.SayAsync("wmLiu", ct, "5号楼1单元门口的垃圾三天没人清了");
                await kf.WaitForAsync("kf/send_msg", 1, ct);
            }

            await using var second = await GridBotTestHost.StartAsync(null, folder, ct, WeComSimulator.AppSettings(fake));
            fake.PushCallbacksTo(second.Address);
            var storedCursor = await second.QueryAsync(db => db.KfCursors.Select(c => c.Cursor).SingleAsync(ct));
            var pullsBefore = (await fake.RecordsAsync("kf/sync_msg", ct)).Count;

            await kf.SayAsync("wmLiu", ct, "7号楼东侧的路灯不亮了");
            await kf.WaitForAsync("kf/send_msg", 2, ct);

            // The first pull after the restart starts where the first host stopped: only the new message is read. (Later
            // pulls, e.g. a second callback's, move on from there, so the last one is not the one to look at.)
            var syncs = await fake.RecordsAsync("kf/sync_msg", ct);
            Assert.Equal(storedCursor, syncs[pullsBefore]["body"]!["cursor"]!.GetValue<string>());
            Assert.Equal(2, await second.QueryAsync(db => db.Tickets.CountAsync(ct)));

            // A crash between handling a page and storing its cursor: the page comes again and the msgids are known.
            await second.QueryAsync(db => db.KfCursors.ExecuteDeleteAsync(ct));
            await kf.SayAsync("wmLiu", ct, "9号楼地下车库漏水");
            await kf.WaitForAsync("kf/send_msg", 3, ct);
            Assert.Equal(3, await second.QueryAsync(db => db.Tickets.CountAsync(ct)));
            Assert.Equal(3, (await fake.RecordsAsync("kf/send_msg", ct)).Count);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AResidentWithoutAGridLinkIsAskedToUseTheirGridsCode()
    {
        var ct = TestTimeout.Token;
        await using var fake = await FakeServer.StartAsync(ct, KfSimulator.FakeSettings);
        await using var host = await GridBotTestHost.StartAsync(ct, WeComSimulator.AppSettings(fake));
        fake.PushCallbacksTo(host.Address);
        var kf = new KfSimulator(fake);

        await kf.SayAsync("wmStranger", ct, "小区门口的井盖丢了");
        var reply = Assert.Single(await kf.WaitForAsync("kf/send_msg", 1, ct));

        Assert.Contains("二维码", KfSimulator.Content(reply));
        Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }
}
