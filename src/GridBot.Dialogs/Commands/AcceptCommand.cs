using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Commands;

public sealed class AcceptCommand(TicketCommandSupport support, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("受理", ["受理", "accept"], CommandAudience.Staff, "受理 <工单号>", "受理工单");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var ticket = await support.OpenAsync(context, invocation.TakeReference().Reference, Definition.Usage, TicketAction.Accept, "受理", cancellationToken);
        if (ticket is null)
        {
            return;
        }

        ticket.Accept(TicketCommandSupport.Actor(context), clock.NowUtc);
        context.Reply($"已受理工单 {ticket.Number}，{Tickets.TicketTexts.DeadlinePhrase(ticket, clock)}。可发送“派单 {Tickets.TicketTexts.Tail(ticket.Number)} @姓名”安排处理。");
    }
}
