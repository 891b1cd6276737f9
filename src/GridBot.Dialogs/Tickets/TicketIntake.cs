using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Tickets;

/// <summary>Turns a finished draft into a ticket and tells the reporter; urgent ones @-mention the grid leader at once.</summary>
public sealed class TicketIntake(TicketService tickets, GridBotDbContext db, ShanghaiTime clock)
{
    public async Task<Ticket> OpenAsync(TurnContext context, TicketDraft draft, CancellationToken cancellationToken)
    {
        var ticket = await tickets.OpenAsync(context, draft, cancellationToken);
        var identity = context.Identity;
        var deadline = clock.Format(ticket.DeadlineUtc);
        var reporter = Entity.MentionOf(identity.UserId, identity.Name);
        if (ticket.Urgency != TicketUrgency.Urgent)
        {
            context.Reply(TicketTexts.Created(ticket, identity.Name, deadline), reporter);
            return ticket;
        }

        var leaders = await LeadersOfAsync(identity.Channel, identity.Grid, cancellationToken);
        context.Reply(
            TicketTexts.CreatedUrgent(ticket, identity.Name, deadline, leaders.Select(l => l.Name).ToList()),
            [reporter, .. leaders.Select(l => Entity.MentionOf(l.UserId, l.Name))]);
        return ticket;
    }

    /// <summary>The nearest grid leaders above or at the grid: the micro-grid's own leader before the grid's.</summary>
    private async Task<List<Member>> LeadersOfAsync(string channel, Grid grid, CancellationToken cancellationToken)
    {
        var path = grid.Path;
        var leaders = await db.Members.AsNoTracking().Include(m => m.Grid)
            .Where(m => m.Channel == channel && m.Role == MemberRole.Leader && path.StartsWith(m.Grid!.Path))
            .ToListAsync(cancellationToken);
        if (leaders.Count == 0)
        {
            return leaders;
        }

        var nearest = leaders.Max(l => l.Grid!.Path.Length);
        return leaders.Where(l => l.Grid!.Path.Length == nearest).ToList();
    }
}
