namespace GridBot.Store.Tickets;

/// <summary>小事不出网格、大事不出街道: a ticket climbs at most to the street.</summary>
public enum TicketTier
{
    Grid,
    Community,
    Street,
}
