namespace GridBot.Host.Channels.WeCom.AiBot.LongConnection;

/// <summary>
/// Which host holds the bot's one long connection. WeCom keeps one connection per bot and kicks the older of two, so
/// hosts that each dialled out would kick each other forever: only the lease holder connects.
/// </summary>
internal interface IAiBotLease
{
    /// <summary>Takes the lease if free or expired, or renews it if <paramref name="holder"/> has it.</summary>
    /// <returns>True: held by <paramref name="holder"/>; false: another host holds it; null: the store did not answer.</returns>
    Task<bool?> TryHoldAsync(string holder, TimeSpan duration, CancellationToken cancellationToken);

    Task ReleaseAsync(string holder, CancellationToken cancellationToken);

    /// <returns>The current holder, or null when nobody holds it (or the store did not answer).</returns>
    Task<string?> HolderAsync(CancellationToken cancellationToken);
}
