namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>The body of <c>kf/sync_msg</c>: always for one account, with the callback's token when there is one.</summary>
public sealed class KfSyncRequest
{
    public const int MaxLimit = 1000;

    public string? Cursor { get; init; }
    public string? Token { get; init; }
    public int Limit { get; init; } = MaxLimit;
    public required string OpenKfid { get; init; }
}
