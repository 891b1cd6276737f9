using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// The 是/不 question about one of the speaker's own tickets, shared by the confirms (urge, withdraw): a yes acts on
/// the ticket, a no leaves it and says so, anything else (or a stale question, or a ticket no longer theirs) is a new
/// message and nothing is done. Each confirm says only what counts as yes, what it does and how it says no.
/// </summary>
public abstract class TicketConfirmDialog<TFrame>(OwnTickets own, ShanghaiTime clock, IOptions<FollowUpOptions> options) : IDialog
    where TFrame : DialogFrame, ITicketConfirmFrame
{
    public Type FrameType => typeof(TFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var confirm = (TFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > options.Value.QuestionLifetime)
        {
            return DialogTurnResult.Abandoned;
        }

        var answer = FollowUpAnswers.Normalize(MessageText.Of(context.Activity));
        var yes = IsYes(answer);
        if (!yes && !FollowUpAnswers.IsNo(answer) && !FollowUpAnswers.IsCancel(answer))
        {
            return DialogTurnResult.Abandoned;
        }

        if (await own.ByNumberAsync(context, confirm.Number, cancellationToken) is not { } ticket)
        {
            return DialogTurnResult.Abandoned;
        }

        if (yes)
        {
            await ActAsync(context, ticket, confirm.Said, cancellationToken);
            return DialogTurnResult.Completed;
        }

        FollowUpActions.Reply(context, Declined(context.Identity.Name, ticket));
        return DialogTurnResult.Cancelled;
    }

    /// <summary>Whether the normalised answer is a yes to this question (a yes to one confirm is not one to another).</summary>
    protected abstract bool IsYes(string answer);

    protected abstract Task ActAsync(TurnContext context, Ticket ticket, string said, CancellationToken cancellationToken);

    /// <summary>What the bot says when the speaker answers no.</summary>
    protected abstract string Declined(string speaker, Ticket ticket);
}
