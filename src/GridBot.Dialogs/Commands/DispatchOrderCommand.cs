using System.Globalization;
using System.Text.RegularExpressions;
using GridBot.Dialogs.Core;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Schedules;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Commands;

/// <summary>
/// 派工单 &lt;号&gt; @单位或人 截止 &lt;日期&gt;: an order handed out at the weekly joint meeting. The next meeting's agenda
/// reports whether it was done by its date (read from the ticket, so nobody has to report it twice).
/// </summary>
public sealed partial class DispatchOrderCommand(TicketCommandSupport support, GridBotDbContext db, ShanghaiTime clock) : ICommand
{
    public CommandDefinition Definition { get; } = new("派工单", ["派工单", "dispatch-order"], CommandAudience.Staff,
        "派工单 <工单号> @单位或人 截止 <日期>", "联席会议下派任务，下周会议通报完成情况");

    public async Task ExecuteAsync(TurnContext context, CommandInvocation invocation, CancellationToken cancellationToken)
    {
        var (reference, rest) = invocation.TakeReference();
        var match = OrderPattern().Match(rest);
        if (reference is null || !match.Success || ParseDate(match.Groups["date"].Value, clock.Today) is not { } due)
        {
            context.Reply(CommandTexts.Usage(Definition.Usage) + "（日期如 11月30日 或 2026-11-30）");
            return;
        }

        if (context.Identity.Role < MemberRole.Leader)
        {
            context.Reply("派工单由网格长、社区或街道工作人员在联席会议上下派。");
            return;
        }

        var ticket = await support.FindAsync(context, reference, Definition.Usage, cancellationToken);
        if (ticket is null)
        {
            return;
        }

        var community = await db.Grids.AsNoTracking().Covering(ticket.Grid!.Path)
            .Where(g => g.Level == GridLevel.Community)
            .Select(g => new { g.Id, g.Name })
            .FirstOrDefaultAsync(cancellationToken);
        if (community is null)
        {
            context.Reply($"工单 {ticket.Number} 不属于任何社区，无法列入联席会议。");
            return;
        }

        var assignee = match.Groups["who"].Value.Trim();
        db.DispatchOrders.Add(new DispatchOrder
        {
            CommunityGridId = community.Id,
            TicketId = ticket.Id,
            Assignee = assignee.Length > 64 ? assignee[..64] : assignee,
            DueDate = due,
            IssuedUtc = clock.NowUtc,
            IssuedBy = context.Identity.Name,
        });
        context.Reply($"已下派派工单：工单 {ticket.Number}（{ticket.Category}·{ticket.Place ?? "未说明位置"}）→ {assignee}，" +
            $"截止 {due.ToString("M月d日", CultureInfo.InvariantCulture)}(周{"日一二三四五六"[(int)due.DayOfWeek]})。{community.Name}下周联席会议将通报完成情况。");
    }

    /// <summary>"11月30日", "2026-11-30", "11-30" or "11/30"; a month-day already past means next year.</summary>
    internal static DateOnly? ParseDate(string text, DateOnly today)
    {
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var full))
        {
            return full;
        }

        var m = MonthDayPattern().Match(text);
        if (!m.Success)
        {
            return null;
        }

        var month = int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var day = int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(today.Year, month))
        {
            return null;
        }

        var date = new DateOnly(today.Year, month, day);
        return date < today ? date.AddYears(1) : date;
    }

    [GeneratedRegex(@"^@?(?<who>[^\s@]+(?:\s+[^\s@截]+)*)\s*截止\s*(?<date>\S+)\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex OrderPattern();

    [GeneratedRegex(@"^(\d{1,2})(?:月|-|/|\.)(\d{1,2})日?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex MonthDayPattern();
}
