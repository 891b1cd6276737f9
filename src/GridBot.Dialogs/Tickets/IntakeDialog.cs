using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Finishes a report that lacked something: a "是" to confirm a doubtful one, or the place (asked once).
/// "取消" drops it; a photo sent meanwhile is kept; anything else while confirming is routed as a new message.
/// </summary>
public sealed class IntakeDialog(TicketIntake intake, ShanghaiTime clock) : IDialog
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);
    private static readonly HashSet<string> CancelWords = ["取消", "算了", "不用了", "不用", "不要了", "cancel", "/cancel", "不登记"];
    private static readonly HashSet<string> YesWords = ["是", "是的", "确认", "对", "对的", "要", "需要", "登记", "好", "好的", "嗯", "yes", "y", "ok"];

    public Type FrameType => typeof(IntakeFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var intakeFrame = (IntakeFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > Expiry)
        {
            return DialogTurnResult.Abandoned;
        }

        var text = MessageText.Of(context.Activity).Trim().TrimEnd('。', '!', '！', '.', '~');
        if (CancelWords.Contains(text.ToLowerInvariant()))
        {
            context.Reply(TicketTexts.Cancelled);
            return DialogTurnResult.Cancelled;
        }

        var draft = intakeFrame.Draft;
        var photos = MessageText.PhotoUrls(context.Activity);
        if (photos.Count > 0)
        {
            draft = draft with { PhotoUrls = [.. draft.PhotoUrls, .. photos] };
            if (text.Length == 0)
            {
                context.Dialogs.ReplaceActive(intakeFrame with { Draft = draft });
                context.Reply(TicketTexts.PhotoKept + (intakeFrame.Step == IntakeStep.AwaitingPlace ? TicketTexts.AskPlace : TicketTexts.AskConfirm(draft.Description)));
                return DialogTurnResult.Waiting;
            }
        }

        if (intakeFrame.Step == IntakeStep.AwaitingConfirmation)
        {
            if (!YesWords.Contains(text.ToLowerInvariant()))
            {
                return DialogTurnResult.Abandoned;
            }

            if (draft.Place is null)
            {
                context.Dialogs.ReplaceActive(intakeFrame with { Step = IntakeStep.AwaitingPlace, Draft = draft });
                context.Reply(TicketTexts.AskPlace);
                return DialogTurnResult.Waiting;
            }
        }
        else
        {
            // Asked once: whatever the answer is, it is the place as the resident said it.
            var answer = PlaceExtractor.Extract(text) ?? TicketTexts.Shorten(text, 60);
            draft = draft with { Place = answer.Length == 0 ? null : answer };
        }

        await intake.OpenAsync(context, draft, cancellationToken);
        return DialogTurnResult.Completed;
    }
}
