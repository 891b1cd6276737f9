using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// SET NX PX lock with an owner token; released by a compare-and-delete script so a host never frees
/// a lock that expired and was taken by another host. The lease bounds how long a dead host blocks a chat.
/// </summary>
public sealed class RedisTurnLock(IConnectionMultiplexer redis, RedisKeys keys) : ITurnLock
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";

    public async ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        var redisKey = keys.TurnLock(key);
        var token = Guid.NewGuid().ToString("N");
        var db = redis.GetDatabase();
        var delay = 2;
        while (!await db.StringSetAsync(redisKey, token, Lease, When.NotExists))
        {
            await Task.Delay(delay, cancellationToken);
            delay = Math.Min(delay * 2, 50);
        }

        return new Releaser(db, redisKey, token);
    }

    private sealed class Releaser(IDatabase db, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]);
    }
}
