using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>SET NX with the window as TTL: the first host to claim a value wins, every other host sees a replay.</summary>
public sealed class RedisReplayGuard(IConnectionMultiplexer redis, RedisKeys keys) : IReplayGuard
{
    public async ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(keys.Replay(key), "1", window, When.NotExists);
}
