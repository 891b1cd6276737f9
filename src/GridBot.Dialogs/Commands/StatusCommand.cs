using GridBot.Dialogs.Core;
using GridBot.Dialogs.Tickets.FollowUps;
using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Commands;

/// <summary>进度 &lt;工单号&gt;: one ticket's progress; a bare "进度" answers about the speaker's own most recent tickets.</summary>
public sealed class StatusCommand(TicketCommandSupport support, OwnTickets own, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("进度", ["进度", "查询", "status"], CommandAudience.Everyone, "进度 <工单号>", "查询工单进展（只发“进度”查自己反映的）");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var reference = invocation.TakeReference().Reference;
        if (reference is null && invocation.Arguments.Length == 0)
        {
            await OwnAsync(context, cancellationToken);
            return;
        }

        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is not null)
        {
            context.Reply(TicketProgressText.Of(ticket, clock));
        }
    }

    private async Task OwnAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var mine = await own.RecentAsync(context, cancellationToken);
        var name = context.Identity.Name;
        var open = mine.Where(t => Store.Tickets.TicketLifecycle.IsOpen(t.Status)).Take(5).ToList();
        switch (open.Count)
        {
            case 0 when mine.Count == 0:
                FollowUpActions.Reply(context, FollowUpTexts.NoTickets(name));
                break;
            case 0:
                FollowUpActions.Reply(context, FollowUpTexts.Progress(name, mine[0], clock));
                break;
            case 1:
                FollowUpActions.Reply(context, FollowUpTexts.Progress(name, open[0], clock));
                break;
            default:
                FollowUpActions.Reply(context, FollowUpTexts.ProgressOfSeveral(name, open, clock));
                break;
        }
    }
}
