using System.Collections.Concurrent;

namespace GridBot.Store.Coordination;

public sealed class InProcessAccessTokenCache(TimeProvider time) : IAccessTokenCache
{
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Expires)> _tokens = new(StringComparer.Ordinal);

    public ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_tokens.TryGetValue(name, out var entry) && entry.Expires > time.GetUtcNow() ? entry.Token : null);

    public ValueTask SetAsync(string name, string token, TimeSpan lifetime, CancellationToken cancellationToken)
    {
        _tokens[name] = (token, time.GetUtcNow() + lifetime);
        return ValueTask.CompletedTask;
    }

    public ValueTask InvalidateAsync(string name, string token, CancellationToken cancellationToken)
    {
        if (_tokens.TryGetValue(name, out var entry) && entry.Token == token)
        {
            _tokens.TryRemove(new KeyValuePair<string, (string, DateTimeOffset)>(name, entry));
        }

        return ValueTask.CompletedTask;
    }
}
