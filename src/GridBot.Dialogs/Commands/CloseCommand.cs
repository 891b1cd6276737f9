using GridBot.Dialogs.Appeals;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 办结 <号> 说明: closes the work and asks the reporters for their rating. On a question, suggestion or praise it is
/// the answer (答复): no rating is asked for what was not work on the clock.
/// </summary>
public sealed class CloseCommand(TicketCommandSupport support, TicketNotifier notifier, AppealDesk appeals, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("办结", ["办结", "完成", "close", "resolve"], CommandAudience.Staff, "办结 <工单号> 处理说明", "办结工单并请反映人评价");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, note) = invocation.TakeReference();
        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is { CarriesSla: false } && note.Length > 0 && TicketCommandSupport.Allows(context, ticket, TicketAction.Answer, "办结"))
        {
            appeals.Answer(context, ticket, note);
            return;
        }

        if (ticket is null || !TicketCommandSupport.Allows(context, ticket, TicketAction.Resolve, "办结"))
        {
            return;
        }

        ticket.Resolve(TicketCommandSupport.Actor(context), note.Length == 0 ? null : note, clock.NowUtc);
        var result = note.Length == 0 ? "" : $"处理结果：{note}。";
        var toldHere = notifier.NotifyReporters(context, ticket, names =>
            $"{names} 您反映的“{TicketTexts.Excerpt(ticket.Description, 24)}”（工单 {ticket.Number}）已办结。{result}\n" +
            "请回复“满意”“基本满意”或“不满意”为本次服务评价，感谢您的支持！");
        if (!toldHere)
        {
            context.Reply($"工单 {ticket.Number} 已办结，已通知反映人评价。");
        }
    }
}
