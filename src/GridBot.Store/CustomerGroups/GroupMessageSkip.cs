namespace GridBot.Store.CustomerGroups;

/// <summary>A group a mass-send left out, and why (monthly cap reached, refused by WeCom): reported, never silent.</summary>
public sealed class GroupMessageSkip
{
    public long Id { get; set; }
    public long OutboxMessageId { get; set; }
    public required string ChatId { get; set; }
    public required string Reason { get; set; }
    public DateTime AtUtc { get; set; }
}
