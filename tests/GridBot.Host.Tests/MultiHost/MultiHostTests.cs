using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store.Outbox;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace GridBot.Host.Tests.MultiHost;

/// <summary>
/// Two hosts on PostgreSQL + Redis + the fake WeCom server. The fan-outs are announcements published through host A's
/// API to the grid whose 500 robot groups (plus its AI-bot group and demo chat) the cluster imported: one transaction
/// writes the announcement, a delivery per chat and their outbox rows, and both hosts send them.
/// </summary>
[Collection(MultiHostCollection.Name)]
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

        // Every robot chat (the 500 and the AI-bot group's robot) took it exactly once.
        Assert.Equal(MultiHostCluster.Chats + 1, await DeliveredAsync("停水通知", ct));
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

        // A duplicate needs B to have died between WeCom's answer and its database write: at most one per send in flight.
        Assert.InRange(await DeliveredAsync("停电通知", ct) - (MultiHostCluster.Chats + 1), 0, MultiHostCluster.Parallelism);
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

    /// <summary>Publishes through host A's staff API; returns the announcement's outbox rows.</summary>
    private async Task<List<long>> FanOutAsync(string title, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/announcements")
        {
            Content = JsonContent.Create(new { title, body = "明天 9:00-12:00 检修，请提前做好准备。", targets = new[] { MultiHostCluster.Grid }, requireAck = false }),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", MultiHostCluster.ApiToken);
        using var response = await cluster.A.Http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var number = (await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken)).GetProperty("number").GetInt32();

        await using var db = TestPostgres.Open(cluster.Database);
        var ids = await db.AnnouncementDeliveryParts.Where(p => db.AnnouncementDeliveries.Any(d => d.Id == p.DeliveryId && d.Announcement!.Number == number))
            .Select(p => p.OutboxMessageId).ToListAsync(cancellationToken);
        Assert.True(ids.Count >= MultiHostCluster.Chats, $"the announcement reached {ids.Count} chats");
        return ids;
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

    /// <summary>Robot sends of this announcement that WeCom accepted (markdown carrying its title).</summary>
    private async Task<int> DeliveredAsync(string title, CancellationToken cancellationToken) =>
        (await cluster.Fake.RecordsAsync("webhook/send", cancellationToken))
            .Where(r => r["errcode"]!.GetValue<int>() == 0)
            .Select(r => r["body"]!["markdown"]?["content"]?.GetValue<string>() ?? r["body"]!["text"]?["content"]?.GetValue<string>() ?? "")
            .Count(t => t.Contains(title, StringComparison.Ordinal));

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
