namespace GridBot.Store.Tickets;

public enum TicketStatus
{
    New,
    Accepted,
    Assigned,
    InProgress,
    Resolved,
    Rated,
    Closed,
    Rejected,
    Escalated,
    Reopened,
}
