namespace GridBot.Store.Tickets;

public enum TicketUrgency
{
    Normal,
    Urgent,
}
