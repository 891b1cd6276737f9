using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// SET NX with the window as TTL: the first host to claim a value wins, every other host sees a replay. Without Redis
/// each host remembers its own (a replay to another host then runs a turn that the msgid's dedup answers as a retry).
/// </summary>
public sealed class RedisReplayGuard(IConnectionMultiplexer redis, RedisKeys keys, RedisOutage outage, TimeProvider time) : IReplayGuard
{
    private readonly InProcessReplayGuard _local = new(time);

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IReplayGuard), async () => await redis.GetDatabase().StringSetAsync(keys.Replay(key), "1", window, When.NotExists),
            () => _local.TryClaimAsync(key, window, cancellationToken));
}
