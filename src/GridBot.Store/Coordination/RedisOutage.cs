using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GridBot.Store.Coordination;

/// <summary>
/// What a Redis-backed seam does while Redis does not answer: it falls back to its in-process twin, which every seam
/// here can do safely because the database stays the truth (a msgid makes one processed-activity row, one ticket), and
/// it says so in the log at most once a minute per seam. Reports keep being taken; what is lost is only sharing between
/// hosts (a robot may then meet WeCom's own 45009, which is retried).
/// </summary>
public sealed partial class RedisOutage(TimeProvider time, ILogger<RedisOutage> logger)
{
    private static readonly TimeSpan WarnEvery = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, DateTimeOffset> _warned = new(StringComparer.Ordinal);

    public async ValueTask<T> OrElseAsync<T>(string seam, Func<ValueTask<T>> shared, Func<ValueTask<T>> local)
    {
        try
        {
            return await shared();
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Warn(seam, ex);
            return await local();
        }
    }

    public async ValueTask OrElseAsync(string seam, Func<ValueTask> shared, Func<ValueTask> local)
    {
        try
        {
            await shared();
        }
        catch (Exception ex) when (IsOutage(ex))
        {
            Warn(seam, ex);
            await local();
        }
    }

    private static bool IsOutage(Exception ex) => ex is RedisConnectionException or RedisTimeoutException;

    private void Warn(string seam, Exception ex)
    {
        var now = time.GetUtcNow();
        var last = _warned.GetOrAdd(seam, DateTimeOffset.MinValue);
        if (now - last >= WarnEvery && _warned.TryUpdate(seam, now, last))
        {
            LogFallback(logger, seam, ex.GetType().Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis is not answering ({Error}): {Seam} falls back to this host only until it returns")]
    private static partial void LogFallback(ILogger logger, string seam, string error);
}
