using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Finishes a report that lacked something: a "是" to confirm a doubtful one, a category picked by number, or the
/// place (asked once). "取消" drops it; a photo sent meanwhile is kept; anything else while confirming is routed
/// as a new message.
/// </summary>
public sealed class IntakeDialog(IntakeFlow flow, ShanghaiTime clock) : IDialog
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
                context.Reply(TicketTexts.PhotoKept + Question(intakeFrame));
                return DialogTurnResult.Waiting;
            }
        }

        switch (intakeFrame.Step)
        {
            case IntakeStep.AwaitingConfirmation when !YesWords.Contains(text.ToLowerInvariant()):
                return DialogTurnResult.Abandoned;
            case IntakeStep.AwaitingConfirmation:
                return await flow.ContinueAsync(context, draft, intakeFrame.Choices, cancellationToken);
            case IntakeStep.AwaitingCategory:
                // An answer that is no choice keeps the best guess: asking twice would be worse than a wrong category a leader can fix.
                return await flow.ContinueAsync(context, draft with { Category = Pick(text, intakeFrame.Choices ?? []) ?? draft.Category }, null, cancellationToken);
            default:
                // Asked once: whatever the answer is, it is the place as the resident said it — masked, because a place
                // is shown to everyone (group replies, the API, Open311's address) and an answer may carry a phone.
                var answer = PlaceExtractor.Extract(text) ?? TicketTexts.Excerpt(text, 60);
                return await flow.ContinueAsync(context, draft with { Place = answer.Length == 0 ? "未说明" : answer }, null, cancellationToken);
        }
    }

    private static string? Pick(string answer, IReadOnlyList<string> choices)
    {
        var digits = new string(answer.Where(char.IsAsciiDigit).ToArray());
        if (int.TryParse(digits, out var number) && number >= 1 && number <= choices.Count)
        {
            return choices[number - 1];
        }

        return choices.FirstOrDefault(c => answer.Contains(c, StringComparison.Ordinal));
    }

    private static string Question(IntakeFrame frame) => frame.Step switch
    {
        IntakeStep.AwaitingPlace => TicketTexts.AskPlace,
        IntakeStep.AwaitingCategory => TicketTexts.AskCategory(frame.Choices ?? []),
        _ => TicketTexts.AskConfirm(frame.Draft.Description),
    };
}
