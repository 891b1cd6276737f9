using System.Collections.Concurrent;

namespace GridBot.Store.Coordination;

/// <summary>
/// A small in-memory cache of replies to activities already handled, for channel retries that come within minutes.
/// Two generations of at most <see cref="GenerationSize"/> entries: when the current one fills it becomes the previous
/// one and the older is dropped, so memory stays bounded (the soak showed a single 100,000-entry map growing for
/// hours) while a retry of a recent message still hits. A miss is safe: the database answers.
/// </summary>
public sealed class InProcessActivityCache : IProcessedActivityCache
{
    public const int GenerationSize = 10_000;
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string> _previous = new(StringComparer.Ordinal);

    public ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_current.TryGetValue(key, out var json) || _previous.TryGetValue(key, out json) ? json : null);

    public ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken)
    {
        if (_current.Count >= GenerationSize)
        {
            lock (_rotation)
            {
                if (_current.Count >= GenerationSize)
                {
                    _previous = _current;
                    _current = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
                }
            }
        }

        _current[key] = repliesJson;
        return ValueTask.CompletedTask;
    }
}
