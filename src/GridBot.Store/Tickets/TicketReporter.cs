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
    public DateTime AddedUtc { get; set; }
}
