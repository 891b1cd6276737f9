namespace GridBot.Store.Schedules;

/// <summary>
/// 派工单: an order handed out at the weekly joint meeting for one ticket, to a unit or a person, with a due date.
/// Whether it was done on time is read from the ticket when the next meeting's agenda is built.
/// </summary>
public sealed class DispatchOrder
{
    public int Id { get; set; }

    /// <summary>The community whose meeting issued it.</summary>
    public int CommunityGridId { get; set; }

    public int TicketId { get; set; }
    public Tickets.Ticket? Ticket { get; set; }

    /// <summary>"物业公司" or "@李明": whoever the meeting named, as written.</summary>
    public required string Assignee { get; set; }

    /// <summary>Local day by the end of which the order is due.</summary>
    public DateOnly DueDate { get; set; }

    public DateTime IssuedUtc { get; set; }
    public required string IssuedBy { get; set; }
}
