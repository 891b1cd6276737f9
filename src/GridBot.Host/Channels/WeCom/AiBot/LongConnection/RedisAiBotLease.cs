using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// The lease as one Redis key (SET if absent, renew only by its holder, both in one script so a renewal never revives
/// a lease another host took). While Redis does not answer nobody can take or lose the lease: the holder keeps its
/// connection and the others keep waiting, which is what one-connection-per-bot needs.
/// </summary>
internal sealed class RedisAiBotLease(IConnectionMultiplexer redis, RedisKeys keys, IOptions<WeComOptions> options) : IAiBotLease
{
    private const string HoldScript = """
        local v = redis.call('GET', KEYS[1])
        if not v then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
          return 1
        end
        if v == ARGV[1] then
          redis.call('PEXPIRE', KEYS[1], ARGV[2])
          return 1
        end
        return 0
        """;

    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    private RedisKey Key => keys.AiBotLease(options.Value.AiBot.BotId);

    public async Task<bool?> TryHoldAsync(string holder, TimeSpan duration, CancellationToken cancellationToken)
    {
        try
        {
            var held = await redis.GetDatabase().ScriptEvaluateAsync(HoldScript, [Key], [holder, (long)duration.TotalMilliseconds]);
            return (long)held == 1;
        }
        catch (RedisException)
        {
            return null;
        }
    }

    public async Task ReleaseAsync(string holder, CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [Key], [holder]);
        }
        catch (RedisException)
        {
            // It expires on its own.
        }
    }

    public async Task<string?> HolderAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await redis.GetDatabase().StringGetAsync(Key);
        }
        catch (RedisException)
        {
            return null;
        }
    }
}
