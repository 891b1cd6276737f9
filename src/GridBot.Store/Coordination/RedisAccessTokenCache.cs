using StackExchange.Redis;

namespace GridBot.Store.Coordination;

public sealed class RedisAccessTokenCache(IConnectionMultiplexer redis, RedisKeys keys) : IAccessTokenCache
{
    private const string InvalidateScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    public async ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        var value = await redis.GetDatabase().StringGetAsync(keys.AccessToken(name));
        return value.HasValue ? value.ToString() : null;
    }

    public async ValueTask SetAsync(string name, string token, TimeSpan lifetime, CancellationToken cancellationToken) =>
        await redis.GetDatabase().StringSetAsync(keys.AccessToken(name), token, lifetime);

    public async ValueTask InvalidateAsync(string name, string token, CancellationToken cancellationToken) =>
        await redis.GetDatabase().ScriptEvaluateAsync(InvalidateScript, [keys.AccessToken(name)], [token]);
}
