using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>Which of the speaker's tickets a follow-up is about.</summary>
public abstract record TicketChoice
{
    public sealed record One(Ticket Ticket) : TicketChoice;

    /// <summary>Several fit the words equally: the person picks.</summary>
    public sealed record Several(IReadOnlyList<Ticket> Tickets) : TicketChoice;

    /// <summary>No ticket of theirs fits; <see cref="Any"/> says whether they have tickets at all.</summary>
    public sealed record None(bool Any) : TicketChoice;
}
