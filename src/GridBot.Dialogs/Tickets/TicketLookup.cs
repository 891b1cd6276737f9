using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

public abstract record TicketLookup
{
    public sealed record Found(Ticket Ticket) : TicketLookup;

    public sealed record NotFound(string Reference) : TicketLookup;

    public sealed record Ambiguous(string Reference, IReadOnlyList<string> Numbers) : TicketLookup;
}
