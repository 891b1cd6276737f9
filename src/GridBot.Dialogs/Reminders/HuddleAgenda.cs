using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store.Schedules;
using GridBot.Store.Tickets;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// The text of a 日碰头 (or 早派工) agenda: overdue first, then escalations waiting for help, then what is new since
/// the last huddle, then one line per worker of what they hold. Each ticket appears once, in its most pressing section.
/// </summary>
public static class HuddleAgenda
{
    public static string Build(
        ScheduleSlot slot,
        IReadOnlyCollection<AgendaTicket> tickets,
        DateTime sinceUtc,
        ShanghaiTime clock,
        int maxBytes)
    {
        var now = slot.FireUtc;
        var open = tickets.Where(t => TicketLifecycle.IsOpen(t.Status)).ToList();
        var overdue = open.Where(t => t.DeadlineUtc < now).OrderBy(t => t.DeadlineUtc).ToList();
        var escalated = open.Except(overdue).Where(t => t.Status == TicketStatus.Escalated).OrderBy(t => t.DeadlineUtc).ToList();
        var fresh = tickets.Except(overdue).Except(escalated).Where(t => t.CreatedUtc > sinceUtc).OrderBy(t => t.CreatedUtc).ToList();

        var title = slot.Kind == ScheduleKind.MorningDispatch ? "早派工" : "日碰头例会";
        var head = new List<string>
        {
            $"【{title}】{slot.Target.Name} {clock.Format(slot.FireUtc)}",
            open.Count == 0 && fresh.Count == 0
                ? "今天没有在办工单，辛苦了！"
                : $"在办 {open.Count} 件：超期 {overdue.Count} · 升级待协调 {escalated.Count} · 新增 {fresh.Count}",
        };
        var tail = WorkerLines(open, now);
        var budget = new MessageBudget(maxBytes);
        foreach (var line in head)
        {
            budget.Add(line);
        }

        // Room for the worker lines and the "另有 N 条" line is kept back so a long list never pushes them out.
        var reserve = MessageBudget.SizeOf(tail) + 64;
        Section(budget, reserve, $"一、超期（{overdue.Count}）", overdue, t =>
            $"{Line(t)} 超期{Overdue(now - t.DeadlineUtc)} 责任人：{t.OwnerName ?? "未派单"}");
        Section(budget, reserve, $"二、升级待协调（{escalated.Count}）", escalated, t =>
            $"{Line(t)} 已上报{TicketStatusNames.Of(t.Tier)}，时限 {clock.Format(t.DeadlineUtc)}");
        Section(budget, reserve, $"三、新增（{fresh.Count}）", fresh, t =>
            $"{Line(t)} {TicketStatusNames.Of(t.Status)}{(t.OwnerName is null ? "" : " 责任人：" + t.OwnerName)}");
        var dropped = budget.Dropped;
        foreach (var line in tail)
        {
            budget.Add(line);
        }

        if (dropped > 0)
        {
            budget.Add($"另有 {dropped} 条未列出，发送“工单”查看全部。");
        }

        return budget.ToString();
    }

    private static void Section(MessageBudget budget, int reserve, string heading, List<AgendaTicket> items, Func<AgendaTicket, string> line)
    {
        if (items.Count == 0)
        {
            return;
        }

        budget.TryAdd(heading, reserve);
        for (var i = 0; i < items.Count; i++)
        {
            budget.TryAdd($"{i + 1}. {line(items[i])}", reserve);
        }
    }

    private static List<string> WorkerLines(List<AgendaTicket> open, DateTime now)
    {
        var held = open.Where(t => t.Tier == TicketTier.Grid || t.Status != TicketStatus.Escalated).ToList();
        if (held.Count == 0)
        {
            return [];
        }

        var lines = new List<string> { "人员在办：" };
        lines.AddRange(held.GroupBy(t => t.OwnerName ?? "未派单")
            .OrderBy(g => g.Key == "未派单" ? 1 : 0).ThenByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var late = g.Count(t => t.DeadlineUtc < now);
                return $"· {g.Key} {g.Count()} 件" + (late > 0 ? $"（超期 {late}）" : "");
            }));
        return lines;
    }

    private static string Line(AgendaTicket t) => $"{t.Number} {t.Category}·{TicketTexts.Shorten(t.Place ?? "未说明位置", 16)}";

    private static string Overdue(TimeSpan late) => late.TotalHours < 1
        ? $"{Math.Max(1, (int)late.TotalMinutes)}分钟"
        : late.TotalDays < 1 ? $"{(int)late.TotalHours}小时" : $"{(int)late.TotalDays}天{late.Hours}小时";
}
