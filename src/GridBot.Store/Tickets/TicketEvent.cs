namespace GridBot.Store.Tickets;

/// <summary>One line of a ticket's append-only history.</summary>
public sealed class TicketEvent
{
    public long Id { get; set; }
    public int TicketId { get; set; }
    public DateTime AtUtc { get; set; }
    public TicketAction Action { get; set; }
    public TicketStatus? FromStatus { get; set; }
    public TicketStatus ToStatus { get; set; }
    public required string ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public string? Note { get; set; }
}
