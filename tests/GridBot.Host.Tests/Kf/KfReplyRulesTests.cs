using GridBot.Host.Tests.Authorization;
using FakeServer = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.Schedules;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Kf;
using GridBot.Store.Outbox;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Kf;

/// <summary>
/// kf's 48 h / 5-replies rules at their boundaries, on one fake clock shared by the host and the fake server: GridBot
/// stops itself (the fake never has to answer 95001 or 95002) and hands what it cannot send to the grid worker as 回访.
/// </summary>
public sealed class KfReplyRulesTests
{
    private const string Resident = "wmWang";
    private static readonly string Conversation = $"{KfSimulator.OpenKfid}:{Resident}";

    [Fact]
    public async Task FiveRepliesPerMessageWithin48HoursThenTheWorkerGetsAFollowUpTask()
    {
        var ct = TestTimeout.Token;
        var time = new FakeTimeProvider(Beijing.At("2026-11-23 09:00"));
        await using var fake = await FakeServer.StartAsync(time, ct, KfSimulator.FakeSettings);
        var logs = new RecordingLoggerProvider();
        await using var host = await GridBotTestHost.StartAsync(time, null, b => b.Logging.AddProvider(logs), ct,
            [.. WeComSimulator.AppSettings(fake), "--Schedules:Enabled=false"]);
        fake.PushCallbacksTo(host.Address);
        await KfSimulator.BindStaffAsync(host, KfSimulator.Servicer, "李明", "Worker", ct);
        var kf = new KfSimulator(fake);

        // The outbox dispatcher sleeps on the fake clock: each wait nudges it forward a little.
        void Tick() => time.Advance(TimeSpan.FromMilliseconds(100));

        await kf.EnterAsync(Resident, KfSimulator.Grid, ct);
        await kf.SayAsync(Resident, ct, "3号楼2单元楼道灯坏了好几天了");
        await kf.WaitForAsync("kf/send_msg", 1, ct, tick: Tick);

        // Whatever the turn said took from the budget; the rest is exactly what may still go.
        var left = await host.QueryAsync(db => db.KfSessions.Select(s => s.RepliesLeft).SingleAsync(ct));
        Assert.InRange(left, 1, KfSession.RepliesPerCustomerMessage - 1);
        await NoticeAsync(host, time, left, ct);
        await kf.WaitForAsync("kf/send_msg", KfSession.RepliesPerCustomerMessage, ct, tick: Tick);

        var sixth = await NoticeAsync(host, time, 1, ct);
        var failed = await WaitForRowAsync(host, sixth, Tick, ct);
        Assert.StartsWith("回访", failed.LastError);
        var task = Assert.Single(await kf.WaitForAsync("message/send", 1, ct, tick: Tick));
        Assert.Equal(KfSimulator.Servicer, task["target"]!.GetValue<string>());
        Assert.Contains("【回访任务】", task["body"]!["text"]!["content"]!.GetValue<string>());
        var followUps = await host.QueryAsync(db => db.TicketEvents.Where(e => e.Action == TicketAction.FollowUp).ToListAsync(ct));
        Assert.Contains("5 次", Assert.Single(followUps).Note);

        // A new message opens a new window: the turn's reply goes again.
        time.Advance(TimeSpan.FromHours(1));
        await kf.SayAsync(Resident, ct, "谢谢，麻烦尽快");
        await kf.WaitForAsync("kf/send_msg", KfSession.RepliesPerCustomerMessage + 1, ct, tick: Tick);
        var last = await host.QueryAsync(db => db.KfSessions.Select(s => s.LastCustomerMessageUtc!.Value).SingleAsync(ct));

        time.SetUtcNow(new DateTimeOffset(last, TimeSpan.Zero) + KfSession.ReplyWindow - TimeSpan.FromMinutes(1));
        var inTime = await NoticeAsync(host, time, 1, ct);
        Assert.Equal(OutboxStatus.Sent, (await WaitForRowAsync(host, inTime, Tick, ct)).Status);

        time.Advance(TimeSpan.FromMinutes(2));
        var late = await NoticeAsync(host, time, 1, ct);
        Assert.StartsWith("回访", (await WaitForRowAsync(host, late, Tick, ct)).LastError);
        Assert.Equal(2, (await kf.WaitForAsync("message/send", 2, ct, tick: Tick)).Count);
        Assert.Contains("48 小时", (await host.QueryAsync(db => db.TicketEvents.Where(e => e.Action == TicketAction.FollowUp).OrderBy(e => e.Id).ToListAsync(ct)))[^1].Note);

        // GridBot counted for itself: WeCom never had to refuse a send.
        Assert.All(await fake.RecordsAsync("kf/send_msg", ct), r => Assert.Equal(0, r["errcode"]!.GetValue<int>()));

        // The hand-over recorded its row itself: the dispatcher does not report it as a lease that ran out.
        Assert.DoesNotContain(logs.Lines, l => l.Contains("lease ran out", StringComparison.Ordinal));
    }

    /// <summary>Out-of-turn notices to the resident (as a closure would write), <paramref name="count"/> of them.</summary>
    /// <returns>The id of the last one.</returns>
    private static async Task<long> NoticeAsync(GridBotTestHost host, TimeProvider time, int count, CancellationToken cancellationToken) =>
        await host.QueryAsync(async db =>
        {
            var now = time.GetUtcNow().UtcDateTime;
            var rows = Enumerable.Range(1, count).Select(i => db.Outbox.Enqueue("wecom-kf", Conversation, $"您反映的问题有进展了（{i}）", now)).ToList();
            await db.SaveChangesAsync(cancellationToken);
            return rows[^1].Id;
        });

    private static async Task<OutboxMessage> WaitForRowAsync(GridBotTestHost host, long id, Action tick, CancellationToken cancellationToken)
    {
        while (true)
        {
            var row = await host.QueryAsync(db => db.Outbox.AsNoTracking().SingleAsync(o => o.Id == id, cancellationToken));
            if (row.Status != OutboxStatus.Pending)
            {
                return row;
            }

            tick();
            await Task.Delay(20, cancellationToken);
        }
    }
}
