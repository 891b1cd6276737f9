namespace GridBot.Store.Coordination;

/// <summary>
/// Which host holds the AI bot's long connection (WeCom keeps one per bot and kicks the older of two), when there is
/// no Redis to hold the lease: one row per bot, taken by the host whose renewal keeps <see cref="ExpiresUtc"/> ahead.
/// </summary>
public sealed class AiBotLease
{
    public required string BotId { get; set; }
    public required string Holder { get; set; }
    public DateTime ExpiresUtc { get; set; }
}
