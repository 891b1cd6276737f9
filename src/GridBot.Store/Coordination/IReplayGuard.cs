namespace GridBot.Store.Coordination;

/// <summary>
/// Remembers one-time values (a signed callback's timestamp + nonce) for a window, so a captured request cannot
/// be replayed. In-process for one host; Redis when several hosts serve the same callback URL.
/// </summary>
public interface IReplayGuard
{
    /// <returns>True the first time <paramref name="key"/> is seen within <paramref name="window"/>; false for a replay.</returns>
    ValueTask<bool> TryClaimAsync(string key, TimeSpan window, CancellationToken cancellationToken);
}
