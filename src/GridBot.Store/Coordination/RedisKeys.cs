using GridBot.Store.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>Every Redis key GridBot uses is built here, under one configurable prefix.</summary>
public sealed class RedisKeys(IOptions<RedisOptions> options)
{
    private readonly string _prefix = options.Value.KeyPrefix;

    public RedisKey TurnLock(string key) => $"{_prefix}lock:turn:{key}";

    public RedisKey ProcessedActivity(string key) => $"{_prefix}done:{key}";

    public RedisKey Replay(string key) => $"{_prefix}once:{key}";

    public RedisKey AccessToken(string name) => $"{_prefix}token:{name}";

    /// <summary><paramref name="robot"/> is a fingerprint, never the webhook key itself (a secret).</summary>
    public RedisKey RobotRate(string robot) => $"{_prefix}rate:robot:{robot}";

    /// <summary>Who holds the AI bot's long connection (WeCom allows one per bot).</summary>
    public RedisKey AiBotLease(string botId) => $"{_prefix}lease:aibot:{botId}";
}
