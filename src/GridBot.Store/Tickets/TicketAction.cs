namespace GridBot.Store.Tickets;

public enum TicketAction
{
    Create,
    Accept,
    Assign,
    Start,
    Resolve,
    Rate,
    Close,
    Reject,
    Escalate,
    Reopen,
    AddReporter,
    AddAttachment,
    Recategorize,
    Split,
}
