using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;

namespace GridBot.Store.Grids;

/// <summary>
/// The identity data every turn needs (<see cref="ChatBindings"/>, <see cref="Memberships"/>), kept in memory by this
/// process: bounded (<see cref="Capacity"/> entries, the least recently used go first), trusted for
/// <see cref="MaxAge"/>, and forgotten when this process changes it (<see cref="IdentityCacheInvalidation"/>). Values
/// are detached copies the readers copy again for each turn, so no two contexts ever share an entity.
/// </summary>
public sealed class IdentityCache(TimeProvider time) : IDisposable
{
    /// <summary>How long a value read by this host is trusted: the bound on seeing another process's change (the
    /// <c>import</c> verb, a second host), a demoted leader's rights on this host included.</summary>
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(30);

    /// <summary>Entries kept at most (chats and users together): ~1 KB each, so ~20 MB at the worst.</summary>
    public const int Capacity = 20_000;

    // The size limit, not a count of our own: MemoryCache compacts the least recently used entries past it. Its own
    // expiry (real time) sweeps idle entries; whether an entry is still trusted is asked of the host's clock.
    private readonly MemoryCache _entries = new(new MemoryCacheOptions { SizeLimit = Capacity });
    private long _generation;

    /// <summary>Taken before a read: <see cref="Remember"/> drops the value if anything was forgotten since.</summary>
    internal long Stamp => Interlocked.Read(ref _generation);

    internal bool TryGet<T>(object key, [NotNullWhen(true)] out T? value)
        where T : class
    {
        if (_entries.TryGetValue(key, out var found) && found is Entry { Value: T stored } entry && entry.Until > time.GetUtcNow())
        {
            value = stored;
            return true;
        }

        value = null;
        return false;
    }

    /// <summary>
    /// Keeps a value read from the database, unless an invalidation came after <paramref name="stamp"/>: a read that
    /// began before a change may carry the old value. Checked again after the write, since a change may land between.
    /// </summary>
    internal void Remember(object key, object value, long stamp)
    {
        if (Stamp != stamp)
        {
            return;
        }

        _entries.Set(key, new Entry(value, time.GetUtcNow() + MaxAge), new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = MaxAge });
        if (Stamp != stamp)
        {
            _entries.Remove(key);
        }
    }

    /// <summary>Forgets one entry (a user's memberships changed).</summary>
    internal void Forget(object key)
    {
        Interlocked.Increment(ref _generation);
        _entries.Remove(key);
    }

    /// <summary>Forgets everything (a chat or grid changed: bindings, and the grids every membership carries).</summary>
    internal void ForgetAll()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }

    /// <summary>The grid as the cache holds it and hands it out: its columns, no navigations.</summary>
    internal static Grid Copy(Grid grid) => new()
    {
        Id = grid.Id,
        Code = grid.Code,
        Name = grid.Name,
        Level = grid.Level,
        ParentId = grid.ParentId,
        Path = grid.Path,
    };

    public void Dispose() => _entries.Dispose();

    private sealed record Entry(object Value, DateTimeOffset Until);
}
