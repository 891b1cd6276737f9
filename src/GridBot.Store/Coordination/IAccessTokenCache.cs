namespace GridBot.Store.Coordination;

/// <summary>
/// Where a channel's access token lives between calls (WeCom's gettoken is rate-limited; every host should use one
/// token). In-process for one host; Redis when several hosts share the app.
/// </summary>
public interface IAccessTokenCache
{
    ValueTask<string?> GetAsync(string name, CancellationToken cancellationToken);

    ValueTask SetAsync(string name, string token, TimeSpan lifetime, CancellationToken cancellationToken);

    /// <summary>Drops <paramref name="token"/> if it is still the cached one (another caller may have refreshed it already).</summary>
    ValueTask InvalidateAsync(string name, string token, CancellationToken cancellationToken);
}
