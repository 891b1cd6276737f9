using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// An exact rolling-window log in a sorted set, checked and appended in one Lua script so two hosts cannot both take
/// the last permit. Times come from the Redis server's clock, so hosts with skewed clocks still agree. Without Redis
/// each host keeps its own window: together they may then exceed a robot's limit and meet WeCom's 45009, which the
/// sender retries; nothing is lost.
/// </summary>
public sealed class RedisRobotRateLimiter(IConnectionMultiplexer redis, RedisKeys keys, RedisOutage outage) : IRobotRateLimiter, IDisposable
{
    private readonly InProcessRobotRateLimiter _local = new();

    // Returns 0 when the send may go, else the milliseconds until the oldest send leaves the window.
    private const string Script = """
        local t = redis.call('TIME')
        local now = t[1] * 1000 + math.floor(t[2] / 1000)
        local window = tonumber(ARGV[2])
        redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - window)
        if redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[1]) then
          redis.call('ZADD', KEYS[1], now, ARGV[3])
          redis.call('PEXPIRE', KEYS[1], window)
          return 0
        end
        local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
        return math.max(1, tonumber(oldest[2]) + window - now + 1)
        """;

    public ValueTask<TimeSpan> TryAcquireAsync(string key, int permits, TimeSpan window, CancellationToken cancellationToken) =>
        outage.OrElseAsync(nameof(IRobotRateLimiter), () => TryAcquireSharedAsync(key, permits, window), () => _local.TryAcquireAsync(key, permits, window, cancellationToken));

    public void Dispose() => _local.Dispose();

    private async ValueTask<TimeSpan> TryAcquireSharedAsync(string key, int permits, TimeSpan window)
    {
        var wait = (long)await redis.GetDatabase().ScriptEvaluateAsync(Script, [keys.RobotRate(key)],
            [permits, (long)window.TotalMilliseconds, Guid.NewGuid().ToString("N")]);
        return TimeSpan.FromMilliseconds(wait);
    }
}
