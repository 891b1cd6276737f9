namespace GridBot.Store.Conversations;

/// <summary>
/// An incoming activity (or WeCom msgid) already handled, written in the same transaction as its effects,
/// with the replies it got so a channel's retry is answered the same way without a second ticket.
/// </summary>
public sealed class ProcessedActivity
{
    public required string Key { get; set; }
    public DateTime ProcessedUtc { get; set; }
    public required string RepliesJson { get; set; }
}
