namespace GridBot.Store.Kf;

/// <summary>
/// Where kf/sync_msg stopped for one kf account (WeCom does not say whether cursors are per app or per account, so
/// GridBot keeps one per open_kfid and always pulls one account at a time). Without it a restart would re-read the
/// last three days.
/// </summary>
public sealed class KfCursor
{
    // EF Core binds this constructor by its parameters' names.
    public KfCursor(string openKfId, string cursor, DateTime updatedUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(openKfId);
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        OpenKfId = openKfId;
        Cursor = cursor;
        UpdatedUtc = updatedUtc;
    }

    public string OpenKfId { get; private init; }
    public string Cursor { get; private set; }
    public DateTime UpdatedUtc { get; private set; }

    /// <summary>The next page's cursor; an empty one would make the next pull start three days back.</summary>
    public void MoveTo(string cursor, DateTime nowUtc)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cursor);
        Cursor = cursor;
        UpdatedUtc = nowUtc;
    }
}
