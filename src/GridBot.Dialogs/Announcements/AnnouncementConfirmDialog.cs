using GridBot.Dialogs.Core;
using GridBot.Dialogs.Dialogs;
using GridBot.Dialogs.Routing;
using GridBot.Dialogs.Time;
using GridBot.Store.Turns;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// The step between "公告 …" and sending: 确认 publishes (the reach is counted again, so a chat imported meanwhile is
/// included), 取消 drops it, anything else asks again. Left alone for half an hour it lapses unsent. The turn commits the
/// announcement with its first chunk of chats; the rest is written after the commit, off the turn.
/// </summary>
public sealed class AnnouncementConfirmDialog(
    AnnouncementPublisher publisher, AnnouncementReachFinder reachFinder, AnnouncementFanOutWorker fanOutWorker, TurnTransaction turn, ShanghaiTime clock) : IDialog
{
    private static readonly TimeSpan Expiry = TimeSpan.FromMinutes(30);
    private static readonly HashSet<string> YesWords = ["确认", "确认发送", "发送", "确定", "是", "是的", "好", "好的", "yes", "y", "ok", "confirm"];
    private static readonly HashSet<string> CancelWords = ["取消", "算了", "不发了", "不用了", "cancel", "no"];

    public Type FrameType => typeof(AnnouncementConfirmFrame);

    public async Task<DialogTurnResult> ContinueAsync(TurnContext context, DialogFrame frame, CancellationToken cancellationToken)
    {
        var pending = (AnnouncementConfirmFrame)frame;
        if (clock.NowUtc - frame.StartedUtc > Expiry)
        {
            return DialogTurnResult.Abandoned;
        }

        var answer = MessageText.Of(context.Activity).Trim().TrimEnd('。', '!', '！', '.', '~').ToLowerInvariant();
        if (CancelWords.Contains(answer))
        {
            context.Reply("好的，公告已取消，没有发送。");
            return DialogTurnResult.Cancelled;
        }

        if (!YesWords.Contains(answer))
        {
            context.Reply($"公告“{pending.Title}”还没有发送：回复“确认”发送，回复“取消”放弃。");
            return DialogTurnResult.Waiting;
        }

        var identity = context.Identity;
        var reach = await reachFinder.FindAsync([pending.TargetCode], cancellationToken);
        var draft = new AnnouncementDraft(pending.Title, pending.Body, [pending.TargetCode], pending.RequireAck, null,
            $"{identity.Channel}|{identity.UserId}", identity.Name);
        var announcement = await publisher.StageAsync(draft, reach, cancellationToken);
        if (announcement.FanOutCursor is not null)
        {
            // The id exists once the turn has committed.
            turn.AfterCommit(_ =>
            {
                fanOutWorker.Queue(announcement.Id);
                return ValueTask.CompletedTask;
            });
        }

        context.Reply(AnnouncementTexts.Published(announcement.Number, reach));
        return DialogTurnResult.Completed;
    }
}
