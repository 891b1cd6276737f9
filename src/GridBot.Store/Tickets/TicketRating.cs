namespace GridBot.Store.Tickets;

public enum TicketRating
{
    Satisfied,
    BasicallySatisfied,
    Unsatisfied,
}
