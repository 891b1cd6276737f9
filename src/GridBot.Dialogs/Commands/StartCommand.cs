using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Commands;

/// <summary>处理 <号>: the assignee says they are on it, so the board shows 处理中.</summary>
public sealed class StartCommand(TicketCommandSupport support, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("处理", ["处理", "start"], CommandAudience.Staff, "处理 <工单号>", "标记工单为处理中");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var ticket = await support.OpenAsync(context, invocation.TakeReference().Reference, Definition.Usage, TicketAction.Start, "开始处理", cancellationToken);
        if (ticket is null)
        {
            return;
        }

        ticket.Start(TicketCommandSupport.Actor(context), clock.NowUtc);
        context.Reply($"工单 {ticket.Number} 已标记为处理中。");
    }
}
