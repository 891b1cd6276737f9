using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Finishes a report that lacked something: a "是" to confirm a doubtful one, or the place. An answer to "在哪里？"
/// is taken only when it reads as a place (<see cref="PlaceAnswer"/>); anything else is routed as a fresh message
/// while the question stays open until <see cref="TicketOptions.PendingQuestionMinutes"/> pass. A further piece of
/// the place after filing joins the ticket's place. "取消" drops it; a photo sent meanwhile is kept.
/// </summary>
public sealed class IntakeDialog(IntakeFlow flow, KeywordTicketUnderstander rules, GridBotDbContext db, ShanghaiTime clock, IOptions<TicketOptions> options) : IDialog
{
    private static readonly HashSet<string> CancelWords = ["取消", "算了", "不用了", "不用", "不要了", "cancel", "/cancel", "不登记"];
    private static readonly HashSet<string> YesWords = ["是", "是的", "确认", "对", "对的", "要", "需要", "登记", "好", "好的", "嗯", "yes", "y", "ok"];

    public Type FrameType => typeof(IntakeFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var intakeFrame = (IntakeFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > options.Value.PendingQuestionLife)
        {
            return DialogTurnResult.Abandoned;
        }

        var text = MessageText.Of(context.Activity).Trim().TrimEnd('。', '!', '！', '.', '~');
        var photos = MessageText.PhotoUrls(context.Activity);
        if (intakeFrame.Step == IntakeStep.AwaitingMorePlace)
        {
            return photos.Count > 0 ? DialogTurnResult.Passed : await JoinPlaceAsync(context, intakeFrame, text, cancellationToken);
        }

        if (IsCancel(text))
        {
            context.Reply(TicketTexts.Cancelled);
            return DialogTurnResult.Cancelled;
        }

        var drafts = intakeFrame.Drafts;
        if (photos.Count > 0)
        {
            drafts = [drafts[0] with { PhotoUrls = [.. drafts[0].PhotoUrls, .. photos] }, .. drafts.Skip(1)];
            if (text.Length == 0)
            {
                context.Dialogs.ReplaceActive(intakeFrame with { Draft = drafts[0] });
                context.Reply(TicketTexts.PhotoKept + Question(intakeFrame));
                return DialogTurnResult.Waiting;
            }
        }

        switch (intakeFrame.Step)
        {
            case IntakeStep.AwaitingConfirmation when !YesWords.Contains(text.ToLowerInvariant()):
                return DialogTurnResult.Abandoned;
            case IntakeStep.AwaitingConfirmation:
                return await flow.ContinueAsync(context, drafts, placeFromAnswer: false, cancellationToken);
            default:
                if (ReadPlace(text) is not { } place)
                {
                    // Not an answer: someone's sentence never becomes a ticket's place. The question stays open a while.
                    return DialogTurnResult.Passed;
                }

                return await flow.ContinueAsync(context, [.. drafts.Select(d => d with { Place = d.Place ?? place })], placeFromAnswer: true, cancellationToken);
        }
    }

    private async Task<DialogTurnResult> JoinPlaceAsync(TurnContext context, IntakeFrame frame, string text, CancellationToken cancellationToken)
    {
        if (ReadPlace(text) is not { } piece)
        {
            return DialogTurnResult.Passed;
        }

        var numbers = frame.Filed ?? [];
        var identity = context.Identity;
        var tickets = await db.Tickets.Include(t => t.Reporters)
            .Where(t => numbers.Contains(t.Number) && t.Reporters.Any(r => r.Channel == identity.Channel && r.UserId == identity.UserId))
            .ToListAsync(cancellationToken);
        var open = tickets.Where(t => TicketLifecycle.IsOpen(t.Status)).ToList();
        if (open.Count == 0)
        {
            return DialogTurnResult.Abandoned;
        }

        var actor = new TicketActor(identity.UserId, identity.Name);
        foreach (var ticket in open)
        {
            var joined = PlaceAnswer.Join(ticket.Place, piece);
            if (joined != ticket.Place)
            {
                ticket.AddToPlace(actor, joined, PlaceParser.Parse(joined) ?? new PlaceDetail(), clock.NowUtc);
            }
        }

        context.Reply(TicketTexts.PlaceAdded(open), Entity.MentionOf(identity.UserId, identity.Name));
        flow.Open(context, frame);
        return DialogTurnResult.Waiting;
    }

    /// <summary>"取消", or a short sentence made of cancel words ("算了，取消吧", "不用了不登记").</summary>
    private static bool IsCancel(string text)
    {
        var lower = text.ToLowerInvariant();
        if (CancelWords.Contains(lower))
        {
            return true;
        }

        var words = lower.Split(['，', ',', ' ', '。', '！', '!'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.TrimEnd('吧', '啦', '了', '啊'))
            .ToList();
        return words.Count is > 1 and <= 3 && words.All(w => CancelWords.Contains(w) || CancelWords.Contains(w + "了"));
    }

    /// <summary>The place in a reply, read without phone numbers (a place is shown to everyone).</summary>
    private string? ReadPlace(string text)
    {
        var readable = PersonalDataMask.Remove(text);
        var signals = rules.Analyze(readable);
        return PlaceAnswer.Read(readable, isReport: signals.KeywordCategory is not null && (signals.Problem || signals.Urgent));
    }

    private static string Question(IntakeFrame frame) => frame.Step switch
    {
        IntakeStep.AwaitingPlace => TicketTexts.AskPlace,
        _ => TicketTexts.AskConfirm(frame.Draft.Description),
    };
}
