using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The order in which reports are completed — what has a place (or is urgent) is filed at once, the rest waits for
/// one answer to "在哪里？" — shared by the first message and every answer after it, so the question is always
/// asked the same way. The category is never asked: the best guess is filed and staff correct it (重新分类).
/// </summary>
public sealed class IntakeFlow(TicketIntake intake, ShanghaiTime clock)
{
    public void AskToConfirm(TurnContext context, TicketDraft draft)
    {
        Open(context, new IntakeFrame(IntakeStep.AwaitingConfirmation, draft));
        context.Reply(TicketTexts.AskConfirm(draft.Description));
    }

    /// <param name="placeFromAnswer">The places were given in answer to the question: a further piece may follow.</param>
    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, IReadOnlyList<TicketDraft> drafts, bool placeFromAnswer, CancellationToken cancellationToken)
    {
        var waiting = drafts.Where(d => d.Place is null && d.Urgency != TicketUrgency.Urgent).ToList();
        var filed = new List<string>();
        foreach (var draft in drafts.Where(d => !waiting.Contains(d)))
        {
            var ticket = await intake.OpenAsync(context, draft, cancellationToken);
            var own = ticket.Reporters is [{ } only] && only.UserId == context.Identity.UserId;
            if (own && (placeFromAnswer || draft.Place is null))
            {
                filed.Add(ticket.Number);
            }
        }

        if (waiting.Count > 0)
        {
            Open(context, new IntakeFrame(IntakeStep.AwaitingPlace, waiting[0], waiting.Count > 1 ? waiting.Skip(1).ToList() : null));
            context.Reply(TicketTexts.AskPlace);
            return DialogTurnResult.Waiting;
        }

        if (filed.Count > 0)
        {
            // "在5栋" filed; "2单元门口" a moment later joins it. An urgent report filed without a place takes its place so too.
            Open(context, new IntakeFrame(IntakeStep.AwaitingMorePlace, drafts[0], Filed: filed));
            return DialogTurnResult.Waiting;
        }

        return DialogTurnResult.Completed;
    }

    /// <summary>The person's one open question: a new one replaces the old (which lapses) and starts its own clock.</summary>
    public void Open(TurnContext context, IntakeFrame frame)
    {
        var started = frame with { StartedUtc = clock.NowUtc };
        if (context.Dialogs.Active is IntakeFrame)
        {
            context.Dialogs.ReplaceActive(started);
        }
        else
        {
            context.Dialogs.Push(started);
        }
    }
}
