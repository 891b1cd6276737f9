using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"您是要催办 …吗？": 是 urges it, 不 leaves it, anything else is a new message and nothing is urged.</summary>
public sealed class UrgeConfirmDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options) : IDialog
{
    public Type FrameType => typeof(UrgeConfirmFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var confirm = (UrgeConfirmFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > options.Value.QuestionLifetime)
        {
            return DialogTurnResult.Abandoned;
        }

        var answer = FollowUpAnswers.Normalize(MessageText.Of(context.Activity));
        var yes = FollowUpAnswers.IsYesToUrge(answer);
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
            await actions.UrgeAsync(context, ticket, confirm.Said, cancellationToken);
            return DialogTurnResult.Completed;
        }

        FollowUpActions.Reply(context, FollowUpTexts.UrgeDropped(context.Identity.Name, ticket));
        return DialogTurnResult.Cancelled;
    }
}
