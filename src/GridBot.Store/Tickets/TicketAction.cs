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

    /// <summary>催办: the reporter urged the ticket (counted in <see cref="Ticket.UrgeCount"/>, a KPI in 12345 practice).</summary>
    Urge,

    /// <summary>更正: the reporter corrected the place or the description shortly after reporting.</summary>
    Correct,

    /// <summary>撤回: the reporter withdrew the ticket.</summary>
    Withdraw,

    /// <summary>The ticket was raised to the grid leader's attention (repeated urges).</summary>
    RaiseToLeader,

    /// <summary>答复: staff answered a question, a suggestion or praise; the answer is the resolution and the item is closed.</summary>
    Answer,

    /// <summary>补充位置: the resident gave the place in pieces ("在5栋" … "2单元门口"); the later piece joined the place.</summary>
    AddPlace,
}
