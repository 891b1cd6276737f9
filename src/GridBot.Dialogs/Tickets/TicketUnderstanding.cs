using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// What GridBot makes of a message: whether it is a report (<see cref="Confidence"/>), its category (and how sure,
/// <see cref="CategoryConfidence"/>), urgency and place.
/// </summary>
public sealed record TicketUnderstanding(
    bool LooksLikeReport,
    string Category,
    double Confidence,
    double CategoryConfidence,
    TicketUrgency Urgency,
    string? Place);
