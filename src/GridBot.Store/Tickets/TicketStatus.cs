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

    /// <summary>已撤回: withdrawn by the reporter (the problem went away), not closed by staff.</summary>
    Withdrawn,
}
