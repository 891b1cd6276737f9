using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>A report on its way to becoming a ticket; also what the intake dialog keeps between messages.</summary>
public sealed record TicketDraft(
    string Description,
    string Category,
    TicketUrgency Urgency,
    string? Place,
    IReadOnlyList<string> PhotoUrls);
