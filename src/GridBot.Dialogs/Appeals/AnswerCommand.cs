using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Appeals;

/// <summary>答复 &lt;号&gt; 内容 (or /answer): a worker answers a question, a suggestion or praise; the resident is told.</summary>
public sealed class AnswerCommand(TicketCommandSupport support, AppealDesk desk) : ICommand
{
    public CommandDefinition Definition { get; } = new("答复", ["答复", "回复咨询", "answer", "reply"], CommandAudience.Staff,
        "答复 <工单号> 答复内容", "答复居民的咨询、建议或表扬，并转告居民");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, answer) = invocation.TakeReference();
        if (reference is null || answer.Length == 0)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        if (ticket.CarriesSla)
        {
            context.Reply(AppealTexts.NotAnAppeal(ticket));
            return;
        }

        if (TicketCommandSupport.Allows(context, ticket, TicketAction.Answer, "答复"))
        {
            desk.Answer(context, ticket, answer);
        }
    }
}
