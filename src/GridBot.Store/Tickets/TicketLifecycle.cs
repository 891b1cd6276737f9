namespace GridBot.Store.Tickets;

/// <summary>The one table of legal moves. Entities and command handlers both ask it, so they cannot disagree.</summary>
public static class TicketLifecycle
{
    private static readonly TicketStatus[] OpenStatuses =
        [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Escalated, TicketStatus.Reopened];

    private static readonly Dictionary<TicketAction, TicketStatus[]> AllowedFrom = new()
    {
        [TicketAction.Accept] = [TicketStatus.New, TicketStatus.Escalated, TicketStatus.Rejected],
        [TicketAction.Assign] = [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.Escalated, TicketStatus.Reopened],
        [TicketAction.Start] = [TicketStatus.Assigned, TicketStatus.Reopened],
        [TicketAction.Resolve] = [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Escalated, TicketStatus.Reopened],
        [TicketAction.Rate] = [TicketStatus.Resolved],
        [TicketAction.Close] = [TicketStatus.Resolved, TicketStatus.Rated],
        [TicketAction.Reject] = [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Escalated, TicketStatus.Reopened],
        [TicketAction.Escalate] = [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.InProgress, TicketStatus.Escalated, TicketStatus.Reopened],
        [TicketAction.Reopen] = [TicketStatus.Resolved],
        // The reporter's own follow-ups only make sense while the work is open.
        [TicketAction.Urge] = OpenStatuses,
        [TicketAction.Correct] = OpenStatuses,
        [TicketAction.Withdraw] = OpenStatuses,
        [TicketAction.RaiseToLeader] = OpenStatuses,
        [TicketAction.Answer] = [TicketStatus.New, TicketStatus.Accepted, TicketStatus.Assigned, TicketStatus.InProgress],
    };

    public static bool Allows(TicketStatus from, TicketAction action) =>
        !AllowedFrom.TryGetValue(action, out var froms) || froms.Contains(from);

    public static bool IsOpen(TicketStatus status) =>
        status is not (TicketStatus.Resolved or TicketStatus.Rated or TicketStatus.Closed or TicketStatus.Rejected or TicketStatus.Withdrawn);
}
