using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// The answer to "which one?": a number from the list (or the ticket's tail, "0003") carries out what was asked; 取消
/// drops it; anything else is a new message and the question lapses.
/// </summary>
public sealed class PickTicketDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options) : IDialog
{
    public Type FrameType => typeof(PickTicketFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var pick = (PickTicketFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > options.Value.QuestionLifetime)
        {
            return DialogTurnResult.Abandoned;
        }

        var answer = FollowUpAnswers.Normalize(MessageText.Of(context.Activity));
        if (FollowUpAnswers.IsCancel(answer))
        {
            FollowUpActions.Reply(context, FollowUpTexts.Dropped);
            return DialogTurnResult.Cancelled;
        }

        if (FollowUpAnswers.Choice(answer, pick.Numbers) is not { } number)
        {
            return DialogTurnResult.Abandoned;
        }

        if (await own.ByNumberAsync(context, number, cancellationToken) is not { } ticket)
        {
            return DialogTurnResult.Abandoned;
        }

        await actions.CarryOutAsync(context, pick.Kind, ticket, pick.Said, pick.Correction, cancellationToken);
        // A withdrawal or an unclear correction asks once more: that question has replaced this frame.
        return context.Dialogs.Active is WithdrawConfirmFrame or CorrectionFieldFrame ? DialogTurnResult.Waiting : DialogTurnResult.Completed;
    }
}
