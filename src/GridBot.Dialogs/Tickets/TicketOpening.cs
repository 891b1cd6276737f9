using GridBot.Store.Grids;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>Everything a new ticket needs: the report, where it came from and who reported it.</summary>
public sealed record TicketOpening(
    TicketDraft Draft,
    Grid Grid,
    string Channel,
    string ConversationId,
    string? ServiceUrl,
    TicketReporter Reporter,
    TicketActor Actor);
