using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// Shared across hosts; entries live a day, longer than any channel retries (WeCom retries for seconds). Without Redis
/// it is a miss and a write is skipped: the database row is read instead.
/// </summary>
public sealed class RedisActivityCache(IConnectionMultiplexer redis, RedisKeys keys, RedisOutage outage) : IProcessedActivityCache
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    public ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IProcessedActivityCache), async () =>
        {
            var value = await redis.GetDatabase().StringGetAsync(keys.ProcessedActivity(key));
            return value.HasValue ? value.ToString() : null;
        }, () => ValueTask.FromResult<string?>(null));

    public ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IProcessedActivityCache), async () => await redis.GetDatabase().StringSetAsync(keys.ProcessedActivity(key), repliesJson, Ttl),
            () => ValueTask.CompletedTask);
}
