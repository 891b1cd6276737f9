using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Configuration;
using GridBot.Store.Coordination;
using Microsoft.EntityFrameworkCore;
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
        var keys = new RedisKeys(Options.Create(new StoreOptions { ConnectionString = "Data Source=x", RedisKeyPrefix = TestRedis.NewPrefix() }));
        var hostOne = new RedisTurnLock(redis, keys);
        var hostTwo = new RedisTurnLock(redis, keys);
        var inside = 0;
        var overlaps = 0;

        async Task WorkAsync(ITurnLock turnLock)
        {
            for (var i = 0; i < 20; i++)
            {
                await using var held = await turnLock.AcquireAsync("webchat|group-1", ct);
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
}
