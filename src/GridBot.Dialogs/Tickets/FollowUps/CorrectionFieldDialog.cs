using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>"位置还是描述？": the answer applies the correction to that field; anything else is a new message.</summary>
public sealed class CorrectionFieldDialog(OwnTickets own, FollowUpActions actions, ShanghaiTime clock, IOptions<FollowUpOptions> options) : IDialog
{
    private static readonly HashSet<string> PlaceWords = ["位置", "地点", "地址", "地方", "改位置", "位置吧"];
    private static readonly HashSet<string> DescriptionWords = ["描述", "问题", "内容", "问题描述", "改描述", "描述吧"];

    public Type FrameType => typeof(CorrectionFieldFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var pending = (CorrectionFieldFrame)frame;
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

        var place = PlaceWords.Contains(answer);
        if (!place && !DescriptionWords.Contains(answer))
        {
            return DialogTurnResult.Abandoned;
        }

        if (await own.ByNumberAsync(context, pending.Number, cancellationToken) is not { } ticket || !ticket.Allows(Store.Tickets.TicketAction.Correct))
        {
            return DialogTurnResult.Abandoned;
        }

        if (place)
        {
            actions.CorrectPlace(context, ticket, PlaceCorrection.Apply(ticket.Place, pending.Right));
        }
        else
        {
            actions.CorrectDescription(context, ticket, pending.Right);
        }

        return DialogTurnResult.Completed;
    }
}
