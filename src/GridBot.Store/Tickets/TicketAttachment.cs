namespace GridBot.Store.Tickets;

public sealed class TicketAttachment
{
    public int Id { get; set; }
    public int TicketId { get; set; }
    public required string Url { get; set; }
    public string? ContentType { get; set; }
    public DateTime AddedUtc { get; set; }
}
