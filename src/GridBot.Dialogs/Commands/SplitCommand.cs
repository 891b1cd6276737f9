using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 拆分 <号> [@姓名]: undoes a wrong merge. The named reporter (or the last one merged) leaves the ticket and their own
/// words become a new ticket in the same grid and conversation; both histories say so.
/// </summary>
public sealed class SplitCommand(TicketCommandSupport support, TicketService tickets, GridBotDbContext db, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("拆分", ["拆分", "split"], CommandAudience.Staff, "拆分 <工单号> [@姓名]", "把误合并的反映拆成新工单");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, rest) = invocation.TakeReference();
        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var name = rest.TrimStart('@', '＠').Trim();
        var merged = ticket.Reporters.OrderBy(r => r.Id).Skip(1).ToList();
        var reporter = name.Length == 0 ? merged.LastOrDefault() : merged.FirstOrDefault(r => r.Name == name);
        if (reporter is null)
        {
            context.Reply(name.Length == 0
                ? $"工单 {ticket.Number} 只有一位反映人，没有可拆分的合并。"
                : $"工单 {ticket.Number} 里没有并入的反映人“{name}”。");
            return;
        }

        await db.Entry(ticket).Reference(t => t.Grid).LoadAsync(cancellationToken);
        var draft = new TicketDraft(reporter.Report ?? ticket.Description, ticket.Category, ticket.Urgency, ticket.Place, []) { AppealType = ticket.AppealType };
        var actor = TicketCommandSupport.Actor(context);
        var opening = new TicketOpening(draft, ticket.Grid!, ticket.Channel, ticket.ConversationId, ticket.ServiceUrl,
            tickets.NewReporter(reporter.Channel, reporter.UserId, reporter.Name, reporter.Phone, draft.Description), actor);
        var split = tickets.Open(opening);
        ticket.RemoveReporter(reporter, split.Number, actor, clock.NowUtc);
        db.TicketReporters.Remove(reporter);
        context.Reply($"已把 {reporter.Name} 的反映从工单 {ticket.Number} 拆分为新工单 {split.Number}（{split.Category}，{TicketTexts.DeadlinePhrase(split, clock)}）。");
    }
}
