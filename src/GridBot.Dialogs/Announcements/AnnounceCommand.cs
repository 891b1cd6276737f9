using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store.Announcements;
using GridBot.Store.Grids;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 公告 &lt;正文&gt; in a grid's group, by its leader (or staff above): shows how many chats it reaches and waits for
/// 确认. The first line is the title. Announcements from chat ask for 回执: that is what a leader wants to know.
/// 公告 回执 [编号] is answered by <see cref="ReceiptsCommand"/>.
/// </summary>
public sealed class AnnounceCommand(AnnouncementReachFinder reachFinder, ReceiptsCommand receipts, ShanghaiTime clock) : ICommand
{
    private const int TitleChars = 40;

    public CommandDefinition Definition { get; } = new("公告", ["公告", "announce"], CommandAudience.Staff,
        "公告 <正文> | 公告 回执 [编号]", "向本网格各群发布公告（确认后发送），查看回执");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var text = invocation.Arguments.Trim();
        var first = text.Split([' ', '\n', '　'], 2)[0];
        if (first is "回执" or "ack" or "receipts")
        {
            await receipts.ExecuteAsync(context, new CommandInvocation(first, text[first.Length..].Trim()), cancellationToken);
            return;
        }

        var identity = context.Identity;
        if (identity.Role < MemberRole.Leader)
        {
            context.Reply("公告由网格长或社区、街道工作人员发布。网格员可请网格长发送。");
            return;
        }

        if (identity.Chat is null)
        {
            context.Reply("请在网格群里发送“公告 正文”（发到该网格的各个群）；发往多个网格请用管理接口 POST /api/announcements 或命令行 announce。");
            return;
        }

        if (text.Length == 0)
        {
            context.Reply(CommandTexts.Usage("公告 正文（第一行作为标题）") + "\n例如：公告 关于2026年城乡居民医保缴费的通知\n缴费截止12月31日，可在社区服务站办理。");
            return;
        }

        if (text.Length > Announcement.MaxBodyLength)
        {
            context.Reply($"公告太长了（{text.Length} 字），最多 {Announcement.MaxBodyLength} 字。请精简，或把全文放在链接里。");
            return;
        }

        var firstLine = text.Split('\n', 2)[0].Trim();
        var title = firstLine.Length > TitleChars ? firstLine[..TitleChars] + "…" : firstLine;
        var reach = await reachFinder.FindAsync([identity.Grid.Code], cancellationToken);
        context.Dialogs.Push(new AnnouncementConfirmFrame(title, text, identity.Grid.Code, RequireAck: true) { StartedUtc = clock.NowUtc });
        context.Reply(AnnouncementTexts.Confirm(reach, title));
    }
}
