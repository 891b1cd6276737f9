using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// What GridBot makes of a message: whether it is a report (<see cref="Confidence"/>), its category (and how sure,
/// <see cref="CategoryConfidence"/>), urgency and place.
/// <see cref="AppealType"/> says what the resident came for: only a complaint or a request for help is a report to
/// file (<see cref="LooksLikeReport"/>); a question, a suggestion or praise is answered or logged as its kind.
/// </summary>
public sealed record TicketUnderstanding(
    bool LooksLikeReport,
    string Category,
    double Confidence,
    double CategoryConfidence,
    TicketUrgency Urgency,
    string? Place,
    AppealType AppealType = AppealType.Complaint);
