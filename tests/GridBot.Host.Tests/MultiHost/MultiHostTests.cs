using System.Net;
using GridBot.Dialogs.Proactive;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridBot.Host.Tests.MultiHost;

/// <summary>
/// Two hosts on PostgreSQL + Redis + the fake WeCom server. The fan-outs are 500 outbox rows written in one
/// transaction, as an announcement writes them.
/// </summary>
public sealed class MultiHostTests(MultiHostCluster cluster) : IClassFixture<MultiHostCluster>
{
    [Fact]
    public async Task AFanOutTo500ChatsArrivesOncePerChatSharedByBothHostsWithinEveryRobotsLimit()
    {
        var ct = TestTimeout.Token;
        await cluster.BothRunningAsync(ct);
        var (claimedByA, claimedByB) = (cluster.A.ClaimedRows, cluster.B.ClaimedRows);

        var ids = await FanOutAsync("停水通知", ct);
        await WaitUntilSentAsync(ids, ids.Count, ct);

        var delivered = await DeliveredAsync("停水通知", ct);
        Assert.Equal(MultiHostCluster.Chats, delivered.Count);
        Assert.All(delivered, d => Assert.Equal(1, d.Value));
        Assert.True(cluster.A.ClaimedRows > claimedByA && cluster.B.ClaimedRows > claimedByB,
            $"A claimed {cluster.A.ClaimedRows - claimedByA}, B claimed {cluster.B.ClaimedRows - claimedByB}");
        var stats = await cluster.Fake.StatsAsync(ct);
        Assert.Null(stats["requests"]!["webhook/send 45009"]);
        Assert.InRange(stats["maxAcceptedPerRobotInAnyWindow"]!.GetValue<int>(), 1, 20);
    }

    [Fact]
    public async Task KillingOneHostMidFanOutLosesNothing()
    {
        var ct = TestTimeout.Token;
        await cluster.BothRunningAsync(ct);

        var ids = await FanOutAsync("停电通知", ct);
        await WaitUntilSentAsync(ids, 60, ct);
        cluster.B.Kill();
        await WaitUntilSentAsync(ids, ids.Count, ct);

        var delivered = await DeliveredAsync("停电通知", ct);
        Assert.Equal(MultiHostCluster.Chats, delivered.Count);
        // A duplicate needs B to have died between WeCom's answer and its database write: at most one per send in flight.
        Assert.InRange(delivered.Values.Sum() - MultiHostCluster.Chats, 0, MultiHostCluster.Parallelism);
    }

    [Fact]
    public async Task AWeComCallbackRetriedToTheOtherHostMakesOneTicket()
    {
        var ct = TestTimeout.Token;
        await cluster.BothRunningAsync(ct);
        var message = WeComSimulator.GroupText("msg-multihost-1", MultiHostCluster.AiBotGroup, "zhaoliu", "@网格小助手 7号楼电梯坏了困住人了");

        var first = await PostCallbackAsync(cluster.A, message, ct);
        var retry = await PostCallbackAsync(cluster.B, message, ct);

        Assert.Equal(HttpStatusCode.OK, first);
        Assert.Equal(HttpStatusCode.OK, retry);
        await using var db = TestPostgres.Open(cluster.Database);
        Assert.Equal(1, await db.Tickets.CountAsync(t => t.Reporters.Any(r => r.UserId == "zhaoliu"), ct));
    }

    [Fact]
    public async Task AnOverdueTicketsChaseFiresOnceThoughBothHostsRunTheClusteredScheduler()
    {
        var ct = TestTimeout.Token;
        await cluster.BothRunningAsync(ct);
        var message = WeComSimulator.GroupText("msg-multihost-2", MultiHostCluster.AiBotGroup, "sunba", "@网格小助手 5号楼门口垃圾堆了好几天没人清理");
        Assert.Equal(HttpStatusCode.OK, await PostCallbackAsync(cluster.A, message, ct));
        await using var db = TestPostgres.Open(cluster.Database);
        var ticket = await db.Tickets.AsNoTracking().SingleAsync(t => t.Reporters.Any(r => r.UserId == "sunba"), ct);
        // Both hosts are nodes of one Quartz cluster (a host an earlier test killed may still be listed until recovered).
        Assert.True(await ScalarAsync<long>("SELECT count(*) FROM qrtz_scheduler_state", ct) >= 2);

        await db.Tickets.Where(t => t.Id == ticket.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.DeadlineUtc, DateTime.UtcNow.AddMinutes(-1)), ct);
        var scope = ticket.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        while (!await db.ScheduleNotices.AnyAsync(n => n.Kind == ScheduleKind.DeadlineChase && n.Scope == scope, ct))
        {
            await Task.Delay(100, ct);
        }

        // Two more fires of the chase trigger, on whichever node takes each, must not chase again.
        var next = await ScalarAsync<long>("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'chase-every-interval'", ct);
        while (await ScalarAsync<long>("SELECT next_fire_time FROM qrtz_triggers WHERE trigger_name = 'chase-every-interval'", ct) < next + (2 * MultiHostCluster.ChaseInterval.Ticks))
        {
            await Task.Delay(100, ct);
        }

        Assert.Equal(1, await db.ScheduleNotices.CountAsync(n => n.Kind == ScheduleKind.DeadlineChase && n.Scope == scope, ct));
    }

    private async Task<List<long>> FanOutAsync(string title, CancellationToken cancellationToken)
    {
        await using var db = TestPostgres.Open(cluster.Database);
        var messenger = new ProactiveMessenger(db, TimeProvider.System);
        for (var i = 0; i < MultiHostCluster.Chats; i++)
        {
            messenger.Enqueue("wecom", MultiHostCluster.ChatId(i), null, $"【{title}】{MultiHostCluster.ChatId(i)}：明天 9:00-12:00 检修，请提前做好准备。");
        }

        await db.SaveChangesAsync(cancellationToken);
        return await db.Outbox.Where(o => o.Text.StartsWith($"【{title}】")).Select(o => o.Id).ToListAsync(cancellationToken);
    }

    private async Task WaitUntilSentAsync(List<long> ids, int count, CancellationToken cancellationToken)
    {
        await using var db = TestPostgres.Open(cluster.Database);
        // Bounded well inside the test's own timeout, so a stall fails with what the rows looked like.
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bound.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            while (await db.Outbox.CountAsync(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Sent, bound.Token) < count)
            {
                Assert.Equal(0, await db.Outbox.CountAsync(o => ids.Contains(o.Id) && o.Status == OutboxStatus.Failed, bound.Token));
                await Task.Delay(100, bound.Token);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            var rows = await db.Outbox.AsNoTracking().Where(o => ids.Contains(o.Id)).ToListAsync(cancellationToken);
            var summary = string.Join("; ", rows.GroupBy(r => (r.Status, r.Attempts, r.LastError)).Select(g => $"{g.Key.Status}/{g.Key.Attempts}/{g.Key.LastError}: {g.Count()}"));
            Assert.Fail($"{count} of {ids.Count} rows not sent within 60 s: {summary}; now {DateTime.UtcNow:O}, next due {rows.Where(r => r.Status == OutboxStatus.Pending).Min(r => (DateTime?)r.NextAttemptUtc):O}\nA:\n{Tail(cluster.A.Output)}\nB:\n{Tail(cluster.B.Output)}");
        }
    }

    private static string Tail(string output) => string.Join('\n', output.Split('\n').TakeLast(30));

    /// <summary>Accepted robot sends of this fan-out, per chat (the chat id is in the text).</summary>
    private async Task<Dictionary<string, int>> DeliveredAsync(string title, CancellationToken cancellationToken) =>
        (await cluster.Fake.RecordsAsync("webhook/send", cancellationToken))
            .Where(r => r["errcode"]!.GetValue<int>() == 0)
            .Select(r => r["body"]!["text"]!["content"]!.GetValue<string>())
            .Where(t => t.StartsWith($"【{title}】", StringComparison.Ordinal))
            .GroupBy(t => t).ToDictionary(g => g.Key, g => g.Count());

    private static async Task<HttpStatusCode> PostCallbackAsync(HostProcess host, System.Text.Json.Nodes.JsonObject message, CancellationToken cancellationToken)
    {
        var (url, body) = WeComSimulator.Seal(message.ToJsonString());
        using var response = await host.Http.PostAsync(url, new StringContent(body, System.Text.Encoding.UTF8, "application/json"), cancellationToken);
        return response.StatusCode;
    }

    private async Task<T> ScalarAsync<T>(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(cluster.Database);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
