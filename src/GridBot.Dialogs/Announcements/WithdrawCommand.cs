using System.Globalization;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>撤回 &lt;编号&gt;: by its publisher, or by community or street staff whose area covers all its targets.</summary>
public sealed class WithdrawCommand(GridBotDbContext db, AnnouncementWithdrawal withdrawal) : ICommand
{
    public CommandDefinition Definition { get; } = new("撤回", ["撤回", "withdraw"], CommandAudience.Staff,
        "撤回 <公告编号>", "撤回公告：未发出的不再发送，政策查询不再显示");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var digits = new string(invocation.Arguments.Where(char.IsAsciiDigit).ToArray());
        if (!int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var number))
        {
            context.Reply(CommandTexts.Usage(Definition.Usage));
            return;
        }

        var announcement = await db.Announcements.Include(a => a.Targets).ThenInclude(t => t.Grid)
            .FirstOrDefaultAsync(a => a.Number == number, cancellationToken);
        if (announcement is null)
        {
            context.Reply($"没有编号为 {number} 的公告。");
            return;
        }

        var identity = context.Identity;
        var isPublisher = announcement.PublisherId == $"{identity.Channel}|{identity.UserId}";
        var covers = identity.Role is MemberRole.CommunityStaff or MemberRole.StreetStaff
            && announcement.Targets.All(t => identity.Scope.Contains(t.Grid!.Path));
        if (!isPublisher && !covers)
        {
            context.Reply("只有发布人，或所属社区、街道的工作人员可以撤回这条公告。");
            return;
        }

        if (announcement.WithdrawnUtc is not null)
        {
            context.Reply($"公告 {number} 已经撤回过了。");
            return;
        }

        await withdrawal.WithdrawAsync(announcement, identity.Name, cancellationToken);
        context.Reply($"已撤回公告 {number}“{announcement.Title}”：尚未发出的不再发送，已收到的群会收到撤回说明，政策查询不再显示。");
    }
}
