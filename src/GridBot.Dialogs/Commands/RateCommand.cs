using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 满意 / 基本满意 / 不满意 [工单号]: without a number it rates the speaker's latest ticket waiting for a rating.
/// 不满意 sends the ticket back to work (重办) with the same owner.
/// </summary>
public sealed class RateCommand(GridBotDbContext db, TicketCommandSupport support, TicketService tickets, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("评价", ["满意", "基本满意", "不满意", "评价", "rate"], CommandAudience.Everyone, "满意 / 基本满意 / 不满意 [工单号]", "为已办结的工单评价");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, rest) = invocation.TakeReference();
        var rating = ParseRating(invocation.Alias, rest);
        if (rating is null)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var ticket = reference is null
            ? await LatestAwaitingRatingAsync(context, cancellationToken)
            : await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            if (reference is null)
            {
                context.Reply("您目前没有等待评价的工单。");
            }

            return;
        }

        var identity = context.Identity;
        if (!ticket.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId))
        {
            context.Reply($"工单 {ticket.Number} 只能由反映人评价。");
            return;
        }

        var verb = rating == TicketRating.Unsatisfied ? "评价为不满意" : "评价";
        if (!TicketCommandSupport.Allows(context, ticket, rating == TicketRating.Unsatisfied ? TicketAction.Reopen : TicketAction.Rate, verb))
        {
            return;
        }

        var now = clock.NowUtc;
        if (rating == TicketRating.Unsatisfied)
        {
            ticket.Reopen(TicketCommandSupport.Actor(context), rest.Length > 0 ? rest : null, tickets.ReopenDeadline(ticket, now), now);
            context.Reply($"非常抱歉没能让您满意！工单 {ticket.Number} 已重新交办" +
                (ticket.OwnerName is null ? "" : $"给 {ticket.OwnerName}") + $"，时限 {clock.Format(ticket.DeadlineUtc)}。我们会尽快再处理。");
            return;
        }

        ticket.Rate(TicketCommandSupport.Actor(context), rating.Value, now);
        context.Reply($"感谢您的评价（{TicketStatusNames.Of(rating.Value)}）！工单 {ticket.Number} 已完成。有问题随时找我们。");
    }

    private static TicketRating? ParseRating(string alias, string rest)
    {
        var word = alias is "评价" or "rate" ? rest.Split(' ', 2)[0] : alias;
        return word switch
        {
            "满意" or "非常满意" => TicketRating.Satisfied,
            "基本满意" or "一般" => TicketRating.BasicallySatisfied,
            "不满意" => TicketRating.Unsatisfied,
            _ => null,
        };
    }

    private async Task<Ticket?> LatestAwaitingRatingAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var (channel, userId) = (context.Identity.Channel, context.Identity.UserId);
        return await db.Tickets.Include(t => t.Reporters)
            .Where(t => t.Status == TicketStatus.Resolved && t.Reporters.Any(r => r.Channel == channel && r.UserId == userId))
            .OrderByDescending(t => t.ResolvedUtc)
            .FirstOrDefaultAsync(cancellationToken);
    }
}
