using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 重新分类 <号> <分类>: corrects the bot's guess. The correction is a ticket event, and `classifier retrain`
/// learns from every corrected ticket, so the guesses get better where this grid actually disagrees.
/// </summary>
public sealed class RecategorizeCommand(TicketCommandSupport support, TaxonomyProvider taxonomy, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("重新分类", ["重新分类", "改类别", "recategorize"], CommandAudience.Staff, "重新分类 <工单号> <类别>", "更正工单类别");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, categoryName) = invocation.TakeReference();
        var names = taxonomy.Current.Categories.Select(c => c.Name).ToList();
        if (reference is null || categoryName.Length == 0)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage) + $"。可选类别：{string.Join("、", names)}");
            return;
        }

        if (taxonomy.Current.Find(categoryName) is null)
        {
            context.Reply($"没有“{categoryName}”这个类别。可选类别：{string.Join("、", names)}");
            return;
        }

        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        if (ticket.Category == categoryName)
        {
            context.Reply($"工单 {ticket.Number} 已经是“{categoryName}”。");
            return;
        }

        var previous = ticket.Category;
        ticket.Recategorize(TicketCommandSupport.Actor(context), categoryName, clock.NowUtc);
        context.Reply($"已把工单 {ticket.Number} 从“{previous}”改为“{categoryName}”，谢谢更正，我会从中学习。");
    }
}
