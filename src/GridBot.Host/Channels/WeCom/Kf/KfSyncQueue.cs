using System.Collections.Concurrent;
using System.Threading.Channels;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// Accounts with new kf traffic, each queued at most once: a burst of callbacks for one account while a pull is
/// waiting becomes one pull with the newest token, since one sync_msg loop reads everything new anyway.
/// </summary>
internal sealed class KfSyncQueue
{
    private readonly Channel<string> _accounts = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly ConcurrentDictionary<string, string?> _pending = new(StringComparer.Ordinal);

    public void Enqueue(string openKfid, string? token)
    {
        var added = false;
        _pending.AddOrUpdate(openKfid, _ => { added = true; return token; }, (_, _) => token);
        if (added)
        {
            _accounts.Writer.TryWrite(openKfid);
        }
    }

    /// <returns>The next account and the newest token its callbacks carried.</returns>
    public async Task<(string OpenKfid, string? Token)> TakeAsync(CancellationToken cancellationToken)
    {
        var openKfid = await _accounts.Reader.ReadAsync(cancellationToken);
        _pending.TryRemove(openKfid, out var token);
        return (openKfid, token);
    }
}
