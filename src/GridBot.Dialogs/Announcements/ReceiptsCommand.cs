using System.Globalization;
using GridBot.Dialogs.Commands;
using GridBot.Dialogs.Core;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 回执 [编号] (also "公告 回执"): who of the grid's known members acknowledged, and who not, by name. In a group it
/// defaults to the newest announcement sent there and counts that chat's grid; in private, the number is needed and
/// the speaker's whole scope counts. The scope's customer groups add one line: how many are sent, await their owner, or were skipped and why.
/// </summary>
public sealed class ReceiptsCommand(GridBotDbContext db, AnnouncementReceipts receipts, CustomerGroupDeliveries customerGroups) : ICommand
{
    private const int NamesShown = 60;

    public CommandDefinition Definition { get; } = new("回执", ["公告回执", "回执", "receipts", "ack"], CommandAudience.Staff,
        "公告 回执 [编号]", "查看公告回执：谁已确认、谁还没有");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var identity = context.Identity;
        var digits = new string(invocation.Arguments.Where(char.IsAsciiDigit).ToArray());
        int? number = int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        var query = db.Announcements.AsNoTracking().Where(a => a.PublishedUtc != null);
        if (identity.Chat is { } chat)
        {
            query = query.Where(a => a.Deliveries.Any(d => d.ChatId == chat.Id));
        }
        else if (number is null)
        {
            context.Reply("请带上公告编号，如：公告 回执 12");
            return;
        }
        else
        {
            // In private the number alone must not open an announcement that never reached the speaker's grids (its
            // title would leak, as the API's 404 would not): only those delivered into the speaker's subtree.
            query = query.DeliveredInto(identity.Scope);
        }

        var announcement = await (number is { } wanted ? query.Where(a => a.Number == wanted) : query.OrderByDescending(a => a.Id))
            .Select(a => new { a.Id, a.Number, a.Title, a.RequireAck, a.WithdrawnUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (announcement is null)
        {
            context.Reply(number is null ? "本群还没有收到过公告。" : $"没有找到发到{(identity.Chat is null ? "您所管网格" : "本群")}的公告 {number}。");
            return;
        }

        var scope = identity.Chat is null ? identity.ScopeGrid : identity.Grid;
        var roster = await receipts.RosterAsync(announcement.Id, scope, cancellationToken);
        var known = roster.Acknowledged.Count + roster.Pending.Count;
        var rate = known == 0 ? "—" : AckReminderService.Percent((double)roster.Acknowledged.Count / known);
        var lines = new List<string>
        {
            $"【公告 {announcement.Number}】{announcement.Title}" + (announcement.WithdrawnUtc is null ? "" : "（已撤回）"),
            $"{scope.Name}回执 {roster.Acknowledged.Count}/{known}（{rate}）" + (announcement.RequireAck ? "" : "，此公告未要求回执"),
            $"已确认 {roster.Acknowledged.Count} 人：{Names(roster.Acknowledged)}",
            $"未确认 {roster.Pending.Count} 人：{Names(roster.Pending)}",
        };
        if (CustomerGroupDeliveries.Summary(await customerGroups.ForAsync(announcement.Id, GridScope.Of(scope), cancellationToken)) is { Length: > 0 } groups)
        {
            lines.Add(groups);
        }

        context.Reply(string.Join("\n", lines));
    }

    private static string Names(IReadOnlyList<string> names) =>
        names.Count == 0 ? "无"
        : names.Count <= NamesShown ? string.Join("、", names)
        : string.Join("、", names.Take(NamesShown)) + $" 等 {names.Count} 人";
}
