namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The answer of <c>kf/sync_msg</c>. <c>has_more</c> may be 1 with an empty page: loop on it, not on the list.</summary>
public sealed class KfSyncAnswer
{
    public int Errcode { get; set; }
    public string? Errmsg { get; set; }
    public string? NextCursor { get; set; }
    public int HasMore { get; set; }
    public List<KfMessage> MsgList { get; set; } = [];
}
