using System.Diagnostics;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.MultiHost;
using Microsoft.EntityFrameworkCore;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>
/// Two GridBot host processes on one PostgreSQL database and one Redis, one fake WeCom, the AI bot on the long
/// connection: only the lease holder connects, the other takes over when the holder is killed (kill -9), and a host
/// whose lease is taken closes its socket.
/// </summary>
[Collection(MultiHostCollection.Name)]
public sealed partial class AiBotTwoHostTests(ITestOutputHelper output)
{
    private const string Grid = "DEMO-S01-C01-G01";
    private const string Group = "wrkWsTwoHosts";

    [Fact]
    public async Task OneHostHoldsTheConnectionTheOtherTakesOverWhenItIsKilledAndAHostThatLosesTheLeaseLetsGo()
    {
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(4));
        var ct = bound.Token;
        var database = await TestPostgres.CreateDatabaseAsync(ct);
        await using var fake = await FakeWeCom.StartAsync(ct);
        var prefix = TestRedis.NewPrefix();
        string[] settings =
        [
            "--Database:Provider=PostgreSql", $"--ConnectionStrings:GridBot={database}", "--Deployment:Mode=Multi",
            $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={prefix}",
            "--Outbox:PollInterval=00:00:00.100", "--Logging:LogLevel:Default=Warning", "--Demo:History=false",
            .. fake.LongConnectionSettings(),
        ];
        var a = await HostProcess.StartAsync("A", settings, ct);
        var b = (HostProcess?)null;
        try
        {
            await HostImport.RunAsync(new JsonObject
            {
                ["chats"] = new JsonArray(new JsonObject { ["channel"] = "wecom", ["chatId"] = Group, ["grid"] = Grid, ["name"] = "第一网格居民群" }),
                ["members"] = new JsonArray(new JsonObject { ["channel"] = "wecom", ["userId"] = "wangfang", ["name"] = "王芳", ["grid"] = Grid, ["role"] = "Leader" }),
            }, settings, ct);
            b = await HostProcess.StartAsync("B", settings, ct);
            await fake.WaitSubscribedAsync(1, ct);
            await Task.Delay(TimeSpan.FromSeconds(1), ct);
            Assert.Equal(1, (await fake.AiBotStatsAsync(ct))["subscribes"]!.GetValue<int>());

            var holder = await HoldsAsync(a, ct) ? a : b;
            var standby = holder == a ? b! : a;
            Assert.False(await HoldsAsync(standby, ct));

            var killed = Stopwatch.StartNew();
            holder.Kill();
            await fake.WaitSubscribedAsync(2, ct);
            output.WriteLine($"takeover after kill: {killed.Elapsed.TotalSeconds:F1} s (lease 2 s, renew 0.3 s)");
            await FakeAiBotControl.WaitStateAsync(standby.Http, "Connected", ct);

            var reqId = await fake.PushAsync(FakeAiBotControl.GroupText("two-hosts-1", Group, "zhangayi", "@网格小助手 3号楼2单元楼道灯坏了好几天了"), ct);
            var reply = await fake.WaitRecordAsync("aibot_respond_msg", reqId, FakeAiBotControl.IsClosingStream, ct);
            var number = TicketNumber().Match(FakeAiBotControl.StreamContent(reply)).Value;
            Assert.NotEmpty(number);
            await fake.PushAsync(FakeAiBotControl.SingleText("two-hosts-close-1", "wangfang", $"办结 {number} 灯已更换"), ct);
            var notice = await fake.WaitRecordAsync("aibot_send_msg", Group, r => r["errcode"]!.GetValue<int>() == 0, ct);
            Assert.Contains(number, notice["body"]!["markdown"]!["content"]!.GetValue<string>());
            await using (var db = TestPostgres.Open(database))
            {
                Assert.Equal(1, await db.Tickets.CountAsync(ct));
            }

            // Someone else takes the lease (as a host would after a long pause): the survivor lets its socket go.
            await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
            await redis.GetDatabase().StringSetAsync($"{prefix}lease:aibot:{FakeAiBotControl.BotId}", "another-host", TimeSpan.FromSeconds(3));
            await FakeAiBotControl.WaitStateAsync(standby.Http, "Standby", ct);
            while ((await fake.AiBotStatsAsync(ct))["current"] is not null)
            {
                await Task.Delay(50, ct);
            }

            // When the other holder's lease runs out, the survivor takes it again and reconnects.
            await fake.WaitSubscribedAsync(3, ct);
        }
        finally
        {
            await a.DisposeAsync();
            if (b is not null)
            {
                await b.DisposeAsync();
            }

            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<bool> HoldsAsync(HostProcess host, CancellationToken ct) =>
        (await FakeAiBotControl.ReadyAsync(host.Http, ct))["wecomAiBot"]!["holdsConnection"]!.GetValue<bool>();

    [GeneratedRegex(@"GD\d{8}-\d{4}")]
    private static partial Regex TicketNumber();
}
