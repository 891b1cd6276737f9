using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>A report on its way to becoming a ticket; also what the intake dialog keeps between messages.</summary>
public sealed record TicketDraft(
    string Description,
    string Category,
    TicketUrgency Urgency,
    string? Place,
    IReadOnlyList<string> PhotoUrls)
{
    /// <summary>A complaint unless the understanding said otherwise; it decides whether the ticket gets a deadline.</summary>
    public AppealType AppealType { get; init; } = AppealType.Complaint;
}
