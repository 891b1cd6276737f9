using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// SET NX PX lock with an owner token; released by a compare-and-delete script so a host never frees
/// a lock that expired and was taken by another host. The lease bounds how long a dead host blocks a chat.
/// While Redis is down the lock is this host's only (<see cref="RedisOutage"/>): a retry racing on another host then
/// loses at the processed-activity row's unique key instead of waiting, and is answered from it on its next try.
/// </summary>
public sealed class RedisTurnLock(IConnectionMultiplexer redis, RedisKeys keys, RedisOutage outage) : ITurnLock
{
    private static readonly TimeSpan Lease = TimeSpan.FromSeconds(15);
    private const string ReleaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
    private readonly InProcessTurnLock _local = new();

    public ValueTask<IAsyncDisposable> AcquireAsync(string key, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(ITurnLock), () => AcquireSharedAsync(key, cancellationToken), () => _local.AcquireAsync(key, cancellationToken));

    private async ValueTask<IAsyncDisposable> AcquireSharedAsync(string key, CancellationToken cancellationToken)
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

        return new Releaser(db, redisKey, token, outage);
    }

    private sealed class Releaser(IDatabase db, RedisKey key, string token, RedisOutage outage) : IAsyncDisposable
    {
        // If Redis went away meanwhile the lease frees the lock on its own.
        public ValueTask DisposeAsync() =>
            outage.OrElseAsync(nameof(ITurnLock), async () => await db.ScriptEvaluateAsync(ReleaseScript, [key], [token]), () => ValueTask.CompletedTask);
    }
}
