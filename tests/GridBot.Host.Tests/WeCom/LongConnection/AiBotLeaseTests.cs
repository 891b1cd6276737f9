using GridBot.Host.Channels.WeCom;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Store.Configuration;
using GridBot.Store.Coordination;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using StackExchange.Redis;

namespace GridBot.Host.Tests.WeCom.LongConnection;

/// <summary>The lease that keeps one long connection per bot, on a real database file and on the real Redis.</summary>
public sealed class AiBotLeaseTests
{
    private static readonly IOptions<WeComOptions> Options = Microsoft.Extensions.Options.Options.Create(new WeComOptions
    {
        AiBot = new WeComAiBotOptions { Mode = AiBotMode.LongConnection, BotId = FakeAiBotControl.BotId, Secret = FakeAiBotControl.Secret },
    });

    [Fact]
    public async Task TheDatabaseLeaseHasOneHolderUntilItExpiresAndOnlyItsHolderRenewsOrReleasesIt()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var lease = new DatabaseAiBotLease(host.Services.GetRequiredService<IServiceScopeFactory>(), Options, clock);

        await HasOneHolderAsync(lease, () => clock.Advance(TimeSpan.FromSeconds(11)), ct);
    }

    [Fact]
    public async Task TheRedisLeaseHasOneHolderUntilItExpiresAndOnlyItsHolderRenewsOrReleasesIt()
    {
        var ct = TestTimeout.Token;
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestRedis.Configuration);
        var keys = new RedisKeys(Microsoft.Extensions.Options.Options.Create(new RedisOptions { KeyPrefix = TestRedis.NewPrefix() }));
        var lease = new RedisAiBotLease(redis, keys, Options);

        // Redis expires the key on its own clock: the "expired" step shortens the 10 s lease to 1 ms.
        await HasOneHolderAsync(lease, () => redis.GetDatabase().KeyExpire(keys.AiBotLease(FakeAiBotControl.BotId), TimeSpan.FromMilliseconds(1)), ct);
    }

    private static async Task HasOneHolderAsync(IAiBotLease lease, Action expire, CancellationToken ct)
    {
        var duration = TimeSpan.FromSeconds(10);
        Assert.True(await lease.TryHoldAsync("host-a", duration, ct));
        Assert.False(await lease.TryHoldAsync("host-b", duration, ct));
        Assert.True(await lease.TryHoldAsync("host-a", duration, ct));
        Assert.Equal("host-a", await lease.HolderAsync(ct));

        expire();
        await Task.Delay(20, ct);
        Assert.True(await lease.TryHoldAsync("host-b", duration, ct));
        Assert.False(await lease.TryHoldAsync("host-a", duration, ct));

        await lease.ReleaseAsync("host-a", ct);
        Assert.Equal("host-b", await lease.HolderAsync(ct));
        await lease.ReleaseAsync("host-b", ct);
        Assert.Null(await lease.HolderAsync(ct));
        Assert.True(await lease.TryHoldAsync("host-a", duration, ct));
    }
}
