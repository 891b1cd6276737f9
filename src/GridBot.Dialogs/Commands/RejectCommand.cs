using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Commands;

/// <summary>退回 <号> 原因: the reason is required, because the resident is told why.</summary>
public sealed class RejectCommand(TicketCommandSupport support, TicketNotifier notifier, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("退回", ["退回", "reject"], CommandAudience.Staff, "退回 <工单号> 原因", "退回工单（需说明原因）");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, reason) = invocation.TakeReference();
        if (reference is null || reason.Length == 0)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var ticket = await support.OpenAsync(context, reference, Definition.Usage, TicketAction.Reject, "退回", cancellationToken);
        if (ticket is null)
        {
            return;
        }

        ticket.Reject(TicketCommandSupport.Actor(context), reason, clock.NowUtc);
        var toldHere = notifier.NotifyReporters(context, ticket, names =>
            $"{names} 您反映的“{TicketTexts.Excerpt(ticket.Description, 24)}”（工单 {ticket.Number}）经核实暂不立案：{reason}。如有疑问可联系网格员。");
        if (!toldHere)
        {
            context.Reply($"工单 {ticket.Number} 已退回，已告知反映人原因。");
        }
    }
}
