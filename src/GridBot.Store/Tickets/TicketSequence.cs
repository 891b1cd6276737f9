namespace GridBot.Store.Tickets;

/// <summary>Last number handed out per prefix and Shanghai day; bumped with one atomic upsert.</summary>
public sealed class TicketSequence
{
    public required string Prefix { get; set; }
    public required string Day { get; set; }
    public int Last { get; set; }
}
