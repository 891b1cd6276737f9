namespace GridBot.Store.Tickets;

/// <summary>A resident who reported the problem; a merged duplicate adds one more.</summary>
public sealed class TicketReporter
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public required string Channel { get; set; }
    public required string UserId { get; set; }
    public required string Name { get; set; }
    public string? Phone { get; set; }

    /// <summary>What this reporter wrote: kept so a wrong merge can be split back into its own ticket.</summary>
    public string? Report { get; set; }
    public DateTime AddedUtc { get; set; }
}
