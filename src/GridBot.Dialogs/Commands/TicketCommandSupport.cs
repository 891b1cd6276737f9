using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>What every ticket command does first: find the ticket in the speaker's scope, check the move is legal.</summary>
public sealed class TicketCommandSupport(TicketFinder finder, ShanghaiTime clock)
{
    /// <summary>How long after a report "派单 @李明" or "这个我来处理" without a number still means that report.</summary>
    private static readonly TimeSpan JustReported = TimeSpan.FromMinutes(30);

    /// <summary>
    /// "The one just reported": the only ticket of this conversation reported in the last half hour that nobody
    /// handles yet. Several: the one that fits what the speaker said it is <paramref name="about"/> ("2栋路灯"), else
    /// the speaker is shown them and asked which; none: the usage.
    /// </summary>
    public async Task<Ticket?> FindJustReportedAsync(TurnContext context, string usage, string example, string? about, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var conversationId = context.Activity.Conversation?.Id ?? "";
        var since = clock.NowUtc - JustReported;
        var recent = await finder.Visible(identity)
            .Where(t => t.Channel == identity.Channel && t.ConversationId == conversationId && t.CreatedUtc >= since && t.OwnerUserId == null)
            .OrderByDescending(t => t.Id)
            .Take(6)
            .Include(t => t.Reporters)
            .Include(t => t.Grid)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        var open = recent.Where(t => TicketLifecycle.IsOpen(t.Status)).ToList();
        if (open.Count > 1 && !string.IsNullOrWhiteSpace(about))
        {
            // "2栋路灯那个": the fresh report whose words and place fit best, when one fits better than the rest.
            var fits = open.Select(t => (Ticket: t, Score: TextSimilarity.Dice(about, $"{t.Place} {t.Description} {t.Category}")))
                .Where(f => f.Score > 0).OrderByDescending(f => f.Score).ToList();
            if (fits.Count == 1 || (fits.Count > 1 && fits[0].Score > fits[1].Score))
            {
                return fits[0].Ticket;
            }
        }

        switch (open.Count)
        {
            case 1:
                return open[0];
            case 0:
                context.Reply(CommandTexts.NoneJustReported(usage));
                return null;
            default:
                context.Reply(CommandTexts.WhichJustReported(open, example));
                return null;
        }
    }

    /// <summary>
    /// The opening every ticket command shares: the ticket by its reference among those the speaker may see (their
    /// grid scope, <see cref="TicketFinder.Visible"/>), then whether its lifecycle allows <paramref name="action"/>.
    /// Null when either refuses, already answered. Who may run the command at all is its <see cref="CommandAudience"/>.
    /// </summary>
    public async Task<Ticket?> OpenAsync(
        TurnContext context, string? reference, string usage, TicketAction action, string verb, CancellationToken cancellationToken) =>
        Admit(context, await FindAsync(context, reference, usage, cancellationToken), action, verb);

    /// <summary>The lifecycle half of <see cref="OpenAsync"/>, for a command that found its ticket another way.</summary>
    public static Ticket? Admit(TurnContext context, Ticket? ticket, TicketAction action, string verb) =>
        ticket is not null && Allows(context, ticket, action, verb) ? ticket : null;

    public async Task<Ticket?> FindAsync(TurnContext context, string? reference, string usage, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(reference))
        {
            context.Reply(CommandTexts.Usage(usage));
            return null;
        }

        switch (await finder.FindAsync(context.Identity, reference, cancellationToken))
        {
            case TicketLookup.Found found:
                return found.Ticket;
            case TicketLookup.Ambiguous ambiguous:
                context.Reply(CommandTexts.Ambiguous(ambiguous.Reference, ambiguous.Numbers));
                return null;
            default:
                context.Reply(CommandTexts.NotFound(reference));
                return null;
        }
    }

    /// <summary>Refuses an illegal move with the ticket's current state, instead of throwing.</summary>
    public static bool Allows(TurnContext context, Ticket ticket, TicketAction action, string verb)
    {
        if (ticket.Allows(action))
        {
            return true;
        }

        var why = action == TicketAction.Escalate && ticket.Tier == TicketTier.Street
            ? "已在街道层级，按“大事不出街道”不再上报，请街道协调办理"
            : !ticket.CarriesSla && TicketLifecycle.IsOpen(ticket.Status)
                ? $"这是{AppealTypeNames.Of(ticket.AppealType)}，不计办理时限，请发送“答复 {TicketTexts.Tail(ticket.Number)} 答复内容”转告居民"
                : $"当前状态是“{TicketStatusNames.Of(ticket.Status)}”";
        context.Reply($"工单 {ticket.Number} 不能{verb}：{why}。");
        return false;
    }

    public static TicketActor Actor(TurnContext context) => new(context.Identity.UserId, context.Identity.Name);
}
