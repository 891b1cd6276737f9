using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>What GridBot makes of a message: whether it is a report, its category and how sure, urgency and place.</summary>
public sealed record TicketUnderstanding(
    bool LooksLikeReport,
    string Category,
    double Confidence,
    TicketUrgency Urgency,
    string? Place);
