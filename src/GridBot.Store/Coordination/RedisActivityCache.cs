using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>Shared across hosts; entries live a day, longer than any channel retries (WeCom retries for seconds).</summary>
public sealed class RedisActivityCache(IConnectionMultiplexer redis, RedisKeys keys) : IProcessedActivityCache
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(24);

    public async ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.ProcessedActivity(key));
        return value.HasValue ? value.ToString() : null;
    }

    public async ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(keys.ProcessedActivity(key), repliesJson, Ttl);
}
