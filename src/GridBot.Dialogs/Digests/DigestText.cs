using System.Globalization;
using GridBot.Dialogs.Reminders;

namespace GridBot.Dialogs.Digests;

/// <summary>The digest as a chat message under the channel's byte limit; the ranking is cut first, with "另有 N 个网格".</summary>
public static class DigestText
{
    public static string Render(DigestReport report, int maxBytes)
    {
        var t = report.Totals;
        var title = report.Period == DigestPeriod.Weekly ? "周报" : "日报";
        var span = report.From == report.To ? Day(report.From) : $"{Day(report.From)}—{Day(report.To)}";
        var budget = new MessageBudget(maxBytes);
        budget.Add($"【{report.ScopeName}{title}】{span}");
        budget.Add($"新增 {t.New} · 办结 {t.Closed} · 在办 {t.Open} · 超期 {t.Overdue} · 催办 {t.Urges} · 居民撤回 {t.Withdrawn}");
        budget.Add($"按时办结率 {Percent(t.OnTimeRate)} · 满意率 {Percent(t.SatisfactionRate)} · 受理用时中位 {Hours(report.MedianHoursToAccept)} · 办结用时中位 {Hours(report.MedianHoursToClose)}");
        if (report.Appeals.Any(a => a.New > 0 || a.Waiting > 0))
        {
            budget.Add("诉求：" + string.Join(" · ", report.Appeals.Select(a => $"{a.Name} {a.New}" + (a.Waiting > 0 ? $"（待答复 {a.Waiting}）" : ""))));
        }

        if (report.Categories.Count > 0)
        {
            budget.Add("分类：" + string.Join("；", report.Categories.Select(c =>
                $"{c.Category} 新{c.Counts.New}/结{c.Counts.Closed}/在办{c.Counts.Open}/超期{c.Counts.Overdue}")));
        }

        const int announcementsShown = 5;
        foreach (var announcement in report.Announcements.Take(announcementsShown))
        {
            var lowest = announcement.Grids.FirstOrDefault(g => g.Rate is not null);
            budget.Add($"公告 {announcement.Number}“{announcement.Title}” 回执 {Percent(announcement.Rate)}（{announcement.Acknowledged}/{announcement.Known}）" +
                (lowest is null || announcement.Grids.Count < 2 ? "" : $"，最低 {lowest.Name} {Percent(lowest.Rate)}"));
        }

        if (report.Announcements.Count > announcementsShown)
        {
            budget.Add($"另有 {report.Announcements.Count - announcementsShown} 条公告的回执见 /api/announcements。");
        }

        var oldest = report.OldestOpen.Select(o => $"· {o.Number} {o.Category} {o.GridName} {o.Status} 已{o.AgeDays:0.#}天").ToList();
        var tail = oldest.Count == 0 ? new List<string>() : ["最久未办结：", .. oldest];
        var reserve = MessageBudget.SizeOf(tail) + 64;
        budget.TryAdd("网格排名（按时办结率）：", reserve);
        foreach (var grid in report.Grids)
        {
            budget.TryAdd($"{grid.Rank}. {grid.Name} 按时 {Percent(grid.Counts.OnTimeRate)} 办结 {grid.Counts.Closed} 在办 {grid.Counts.Open} 超期 {grid.Counts.Overdue}" +
                (grid.Counts.Urges > 0 ? $" 催办 {grid.Counts.Urges}" : ""), reserve);
        }

        var dropped = budget.Dropped;
        foreach (var line in tail)
        {
            budget.Add(line);
        }

        if (dropped > 0)
        {
            budget.Add($"另有 {dropped} 个网格未列出，完整数据见 /api/digests。");
        }

        return budget.ToString();
    }

    private static string Day(DateOnly day) => day.ToString("M月d日", CultureInfo.InvariantCulture);

    private static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%" : "—";

    private static string Hours(double? hours) => hours is { } h ? h.ToString("0.#", CultureInfo.InvariantCulture) + "小时" : "—";
}
