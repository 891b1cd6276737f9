using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"确认撤回吗？": 是 withdraws, 不 keeps it going, anything else is a new message and nothing is withdrawn.</summary>
public sealed class WithdrawConfirmDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options) : IDialog
{
    public Type FrameType => typeof(WithdrawConfirmFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var confirm = (WithdrawConfirmFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > options.Value.QuestionLifetime)
        {
            return DialogTurnResult.Abandoned;
        }

        var answer = FollowUpAnswers.Normalize(MessageText.Of(context.Activity));
        var yes = FollowUpAnswers.IsYesToWithdraw(answer);
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
            await actions.WithdrawAsync(context, ticket, confirm.Said, cancellationToken);
            return DialogTurnResult.Completed;
        }

        FollowUpActions.Reply(context, FollowUpTexts.WithdrawKept(context.Identity.Name, ticket));
        return DialogTurnResult.Cancelled;
    }
}
