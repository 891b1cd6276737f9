using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Time;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// The order in which a report is completed — category (when in doubt), then place, then the ticket — shared by
/// the first message and every answer after it, so the questions are always asked the same way.
/// </summary>
public sealed class IntakeFlow(TicketIntake intake, ShanghaiTime clock)
{
    public void AskToConfirm(TurnContext context, TicketDraft draft, IReadOnlyList<string>? choices)
    {
        Set(context, new IntakeFrame(IntakeStep.AwaitingConfirmation, draft, choices));
        context.Reply(TicketTexts.AskConfirm(draft.Description));
    }

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, TicketDraft draft, IReadOnlyList<string>? choices, CancellationToken cancellationToken)
    {
        if (choices is { Count: > 1 })
        {
            Set(context, new IntakeFrame(IntakeStep.AwaitingCategory, draft, choices));
            context.Reply(TicketTexts.AskCategory(choices));
            return DialogTurnResult.Waiting;
        }

        if (draft.Place is null && draft.Urgency != TicketUrgency.Urgent)
        {
            Set(context, new IntakeFrame(IntakeStep.AwaitingPlace, draft));
            context.Reply(TicketTexts.AskPlace);
            return DialogTurnResult.Waiting;
        }

        await intake.OpenAsync(context, draft, cancellationToken);
        return DialogTurnResult.Completed;
    }

    private void Set(TurnContext context, IntakeFrame frame)
    {
        if (context.Dialogs.Active is IntakeFrame current)
        {
            context.Dialogs.ReplaceActive(frame with { StartedUtc = current.StartedUtc });
        }
        else
        {
            context.Dialogs.Push(frame with { StartedUtc = clock.NowUtc });
        }
    }
}
