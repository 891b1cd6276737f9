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

    /// <summary>The bot reminded the owner before the deadline.</summary>
    Remind,

    /// <summary>督办: the bot chased the owner after the deadline.</summary>
    Chase,

    /// <summary>回访: a notice the resident's channel could no longer carry was handed to the grid worker to call or visit.</summary>
    FollowUp,

    /// <summary>补充位置: the resident gave the place in pieces ("在5栋" … "2单元门口"); the later piece joined the place.</summary>
    AddPlace,
}
