using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>One token for every host; without Redis each host caches its own (WeCom keeps earlier tokens valid).</summary>
public sealed class RedisAccessTokenCache(IConnectionMultiplexer redis, RedisKeys keys, RedisOutage outage, TimeProvider time) : IAccessTokenCache
{
    private const string InvalidateScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private readonly InProcessAccessTokenCache _local = new(time);

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IAccessTokenCache), async () =>
        {
            var value = await redis.GetDatabase().StringGetAsync(keys.AccessToken(name));
            return value.HasValue ? value.ToString() : null;
        }, () => _local.GetAsync(name, cancellationToken));

    public ValueTask SetAsync(string name, string token, TimeSpan lifetime, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IAccessTokenCache), async () => await redis.GetDatabase().StringSetAsync(keys.AccessToken(name), token, lifetime),
            () => _local.SetAsync(name, token, lifetime, cancellationToken));

    public ValueTask InvalidateAsync(string name, string token, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IAccessTokenCache), async () => await redis.GetDatabase().ScriptEvaluateAsync(InvalidateScript, [keys.AccessToken(name)], [token]),
            () => _local.InvalidateAsync(name, token, cancellationToken));
}
