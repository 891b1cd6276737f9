using System.Collections.Concurrent;

namespace GridBot.Store.Coordination;

/// <summary>A bounded in-memory cache: when full it is cleared, and the database answers until it warms up again.</summary>
public sealed class InProcessActivityCache : IProcessedActivityCache
{
    private const int Capacity = 100_000;
    private readonly ConcurrentDictionary<string, string> _replies = new(StringComparer.Ordinal);

    public ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_replies.TryGetValue(key, out var json) ? json : null);

    public ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken)
    {
        if (_replies.Count >= Capacity)
        {
            _replies.Clear();
        }

        _replies[key] = repliesJson;
        return ValueTask.CompletedTask;
    }
}
