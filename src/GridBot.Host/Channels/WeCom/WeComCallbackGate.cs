using System.Globalization;
using GridBot.Store.Coordination;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Channels.WeCom;

/// <summary>
/// Replay defence for signed callbacks. The signature covers timestamp and nonce, so a captured request stays valid
/// forever unless the timestamp must be recent and each (timestamp, nonce) is accepted once. A WeCom retry of an
/// undelivered callback is a new delivery with its own timestamp and nonce; the msgid dedup then answers it.
/// </summary>
internal sealed class WeComCallbackGate(IReplayGuard guard, IOptions<WeComOptions> options, TimeProvider time)
{
    private const int MaxNonceLength = 64;

    public bool IsFresh(string? timestamp)
    {
        if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return false;
        }

        var skew = Math.Abs(time.GetUtcNow().ToUnixTimeSeconds() - seconds);
        return skew <= options.Value.TimestampWindow.TotalSeconds;
    }

    /// <returns>False for a replay (or a nonce too long to be WeCom's).</returns>
    public async ValueTask<bool> ClaimAsync(string endpoint, string timestamp, string nonce, CancellationToken cancellationToken)
    {
        if (nonce.Length is 0 or > MaxNonceLength)
        {
            return false;
        }

        // A timestamp may lie up to one window in the future, so the claim must outlive two windows to cover its whole life.
        return await guard.TryClaimAsync($"wecom:{endpoint}:{timestamp}:{nonce}", options.Value.TimestampWindow * 2, cancellationToken);
    }

    public string Now() => time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
}
