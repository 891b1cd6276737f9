using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"确认撤回吗？": 是 withdraws, 不 keeps it going, anything else is a new message and nothing is withdrawn.</summary>
public sealed class WithdrawConfirmDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options)
    : TicketConfirmDialog<WithdrawConfirmFrame>(own, clock, options)
{
    protected override bool IsYes(string answer) => FollowUpAnswers.IsYesToWithdraw(answer);

    protected override Task ActAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken) =>
        actions.WithdrawAsync(context, ticket, said, cancellationToken);

    protected override string Declined(string speaker, Ticket ticket) => FollowUpTexts.WithdrawKept(speaker, ticket);
}
