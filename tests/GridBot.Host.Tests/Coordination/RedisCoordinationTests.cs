using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Configuration;
using GridBot.Store.Coordination;
using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Host.Tests.Coordination;

public sealed class RedisCoordinationTests
{
    [Fact]
    public async Task ARetryReachingAnotherHostIsAnsweredFromRedisWithoutASecondTicket()
    {
        var ct = TestTimeout.Token;
        var prefix = TestRedis.NewPrefix();
        await using var hostA = await GridBotTestHost.StartAsync(ct, $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={prefix}");
        await using var hostB = await GridBotTestHost.StartAsync(ct, $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={prefix}");
        var resident = Person.Resident("跨主机");

        var first = await hostA.Chat("demo-c01-g01").SayAsync(resident, "3号楼2单元楼道灯坏了", ct, activityId: "msg-on-two-hosts");
        var retry = await hostB.Chat("demo-c01-g01").SayAsync(resident, "3号楼2单元楼道灯坏了", ct, activityId: "msg-on-two-hosts");

        Assert.Equal(first.Text, retry.Text);
        Assert.Equal(1, await hostA.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(0, await hostB.QueryAsync(db => db.Tickets.CountAsync(ct)));
    }

    [Fact]
    public async Task TheRedisTurnLockLetsOneHolderInAtATime()
    {
        var ct = TestTimeout.Token;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
        var keys = new RedisKeys(Options.Create(new RedisOptions { KeyPrefix = TestRedis.NewPrefix() }));
        var outage = new RedisOutage(TimeProvider.System, NullLogger<RedisOutage>.Instance);
        var hostOne = new RedisTurnLock(redis, keys, outage);
        var hostTwo = new RedisTurnLock(redis, keys, outage);
        var inside = 0;
        var overlaps = 0;

        async Task WorkAsync(ITurnLock turnLock)
        {
            for (var i = 0; i < 20; i++)
            {
                await using var held = await turnLock.AcquireAsync("demo|group-1", ct);
                if (Interlocked.Increment(ref inside) > 1)
                {
                    Interlocked.Increment(ref overlaps);
                }

                await Task.Delay(2, ct);
                Interlocked.Decrement(ref inside);
            }
        }

        await Task.WhenAll(WorkAsync(hostOne), WorkAsync(hostTwo));

        Assert.Equal(0, overlaps);
    }

    [Fact]
    public async Task WithRedisStoppedMidRunReportsAreStillTakenOnceAndEverythingRecoversWhenItReturns()
    {
        var ct = TestTimeout.Token;
        await using var redis = await RedisServerProcess.StartAsync(ct);
        await using var host = await GridBotTestHost.StartAsync(ct, $"--Redis:Configuration={redis.Configuration}");
        var chat = host.Chat("demo-c01-g01");
        await chat.SayAsync(Person.Resident("甲"), "3号楼2单元楼道灯坏了", ct);

        redis.Kill();
        var during = await chat.SayAsync(Person.Resident("乙"), "5号楼门口的垃圾桶满了没人清", ct, activityId: "msg-while-redis-down");
        var retry = await chat.SayAsync(Person.Resident("乙"), "5号楼门口的垃圾桶满了没人清", ct, activityId: "msg-while-redis-down");
        var (downStatus, downBody) = await ReadyAsync(host, ct);

        Assert.Matches(@"GD\d{8}-0002", during.Text);
        Assert.Equal(during.Text, retry.Text);
        Assert.Equal(2, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, downStatus);
        Assert.Equal("down", downBody["redis"]!.GetValue<string>());

        await redis.StartAgainAsync(ct);
        while ((await ReadyAsync(host, ct)).Body["redis"]!.GetValue<string>() != "up")
        {
            await Task.Delay(100, ct);
        }

        var after = await chat.SayAsync(Person.Resident("丙"), "8号楼地下室漏水了", ct);
        Assert.Matches(@"GD\d{8}-0003", after.Text);
    }

    private static async Task<(HttpStatusCode Status, JsonObject Body)> ReadyAsync(GridBotTestHost host, CancellationToken cancellationToken)
    {
        using var response = await host.Http.GetAsync("/readyz", cancellationToken);
        return (response.StatusCode, JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject());
    }
}
