using System.Collections.Concurrent;

namespace GridBot.Store.Coordination;

/// <summary>
/// A small in-memory cache of replies to activities already handled, for channel retries that come within minutes
/// (WeCom retries a callback three times within seconds). Two generations, each of at most
/// <see cref="GenerationSize"/> entries and at most <see cref="GenerationAge"/> old: when the current one is full or
/// that old it becomes the previous one and the older is dropped. So memory is bounded both by count (a burst) and by
/// age (steady traffic would otherwise fill 20,000 replies over ~20 minutes, which the soak saw as a climbing heap),
/// while a retry of a recent message still hits. A miss is safe: the database answers.
/// </summary>
public sealed class InProcessActivityCache(TimeProvider time) : IProcessedActivityCache
{
    public const int GenerationSize = 10_000;
    public static readonly TimeSpan GenerationAge = TimeSpan.FromMinutes(5);
    private readonly Lock _rotation = new();
    private ConcurrentDictionary<string, string> _current = new(StringComparer.Ordinal);
    private ConcurrentDictionary<string, string> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _currentSince = time.GetUtcNow();

    /// <summary>Entries held in both generations: what the bound is about.</summary>
    public int Count => _current.Count + _previous.Count;

    public ValueTask<string?> GetRepliesAsync(string key, CancellationToken cancellationToken)
    {
        // Only the age counts here: a full generation rotates when the next reply is added, not when one is read.
        RotateIfDue(adding: false);
        return ValueTask.FromResult(_current.TryGetValue(key, out var json) || _previous.TryGetValue(key, out json) ? json : null);
    }

    public ValueTask SetRepliesAsync(string key, string repliesJson, CancellationToken cancellationToken)
    {
        RotateIfDue(adding: true);
        _current[key] = repliesJson;
        return ValueTask.CompletedTask;
    }

    private void RotateIfDue(bool adding)
    {
        if (!IsDue(adding))
        {
            return;
        }

        lock (_rotation)
        {
            if (IsDue(adding))
            {
                // A generation older than two ages answers nothing anyone still retries: drop both then.
                _previous = time.GetUtcNow() - _currentSince >= GenerationAge * 2 ? new ConcurrentDictionary<string, string>(StringComparer.Ordinal) : _current;
                _current = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
                _currentSince = time.GetUtcNow();
            }
        }
    }

    private bool IsDue(bool adding) => (adding && _current.Count >= GenerationSize) || time.GetUtcNow() - _currentSince >= GenerationAge;
}
