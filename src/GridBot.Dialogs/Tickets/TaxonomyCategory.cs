using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

public sealed record TaxonomyCategory(string Name, TicketTier Tier, double DeadlineHours, IReadOnlyList<string> Keywords);
