using System.Collections.Concurrent;

namespace GridBot.Store.Coordination;

/// <summary>Claims expire after their window; expired ones are swept every few thousand claims so memory stays flat.</summary>
public sealed class InProcessReplayGuard(TimeProvider time) : IReplayGuard
{
    private const int SweepEvery = 4096;
    private readonly ConcurrentDictionary<string, DateTimeOffset> _claims = new(StringComparer.Ordinal);
    private int _sinceSweep;

    public ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (Interlocked.Increment(ref _sinceSweep) >= SweepEvery)
        {
            Interlocked.Exchange(ref _sinceSweep, 0);
            foreach (var (claimed, expires) in _claims)
            {
                if (expires <= now)
                {
                    _claims.TryRemove(new KeyValuePair<string, DateTimeOffset>(claimed, expires));
                }
            }
        }

        var expiry = now + window;
        while (true)
        {
            if (_claims.TryAdd(key, expiry))
            {
                return ValueTask.FromResult(true);
            }

            // An expired claim may be taken over; the compare-and-swap keeps two racing callers from both winning.
            if (_claims.TryGetValue(key, out var existing) && existing <= now)
            {
                if (_claims.TryUpdate(key, expiry, existing))
                {
                    return ValueTask.FromResult(true);
                }

                continue;
            }

            return ValueTask.FromResult(false);
        }
    }
}
