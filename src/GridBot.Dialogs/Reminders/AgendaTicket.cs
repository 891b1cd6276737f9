using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Reminders;

/// <summary>What an agenda needs of a ticket: read in one projection for every due grid at once.</summary>
public sealed record AgendaTicket(
    string Number,
    string Category,
    string? Place,
    TicketStatus Status,
    TicketTier Tier,
    string? OwnerName,
    DateTime CreatedUtc,
    DateTime DeadlineUtc,
    string GridPath);
