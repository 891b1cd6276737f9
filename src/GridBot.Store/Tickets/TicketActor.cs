namespace GridBot.Store.Tickets;

/// <summary>Who did something to a ticket, as written into its history.</summary>
public readonly record struct TicketActor(string UserId, string Name);
