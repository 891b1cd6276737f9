using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"您是要催办 …吗？": 是 urges it, 不 leaves it, anything else is a new message and nothing is urged.</summary>
public sealed class UrgeConfirmDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options)
    : TicketConfirmDialog<UrgeConfirmFrame>(own, clock, options)
{
    protected override bool IsYes(string answer) => FollowUpAnswers.IsYesToUrge(answer);

    protected override Task ActAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken) =>
        actions.UrgeAsync(context, ticket, said, cancellationToken);

    protected override string Declined(string speaker, Ticket ticket) => FollowUpTexts.UrgeDropped(speaker, ticket);
}
