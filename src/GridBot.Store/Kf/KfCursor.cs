namespace GridBot.Store.Kf;

/// <summary>
/// Where kf/sync_msg stopped for one kf account (WeCom does not say whether cursors are per app or per account, so
/// GridBot keeps one per open_kfid and always pulls one account at a time). Without it a restart would re-read the
/// last three days.
/// </summary>
public sealed class KfCursor
{
    public required string OpenKfId { get; set; }
    public required string Cursor { get; set; }
    public DateTime UpdatedUtc { get; set; }
}
