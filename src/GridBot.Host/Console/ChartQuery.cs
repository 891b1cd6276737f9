using GridBot.Dialogs.Calendar;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.StaffConsole;

/// <summary>The numbers behind the console's charts, for the scope: per local day, per category, per grid.</summary>
public sealed class ChartQuery(GridBotDbContext db, ChinaWorkingCalendar calendar, GridOverviewQuery overview, TimeProvider time)
{
    public const int Days = 30;

    public async Task<string> DailyAsync(GridScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(calendar.ToLocalTime(now));
        var firstDay = today.AddDays(1 - Days);
        var fromUtc = TimeZoneInfo.ConvertTimeToUtc(firstDay.ToDateTime(TimeOnly.MinValue), calendar.TimeZone);
        var tickets = InScope(scope);
        // Times only, grouped here: the local day needs the zone, which SQLite does not know.
        var created = await tickets.Where(t => t.CreatedUtc >= fromUtc).Select(t => t.CreatedUtc).ToListAsync(cancellationToken);
        var resolved = await tickets.Where(t => t.ResolvedUtc >= fromUtc).Select(t => t.ResolvedUtc!.Value).ToListAsync(cancellationToken);
        var days = Enumerable.Range(0, Days).Select(firstDay.AddDays).ToList();
        double[] PerDay(List<DateTime> times)
        {
            var counts = times.GroupBy(t => DateOnly.FromDateTime(calendar.ToLocalTime(t))).ToDictionary(g => g.Key, g => g.Count());
            return [.. days.Select(d => (double)counts.GetValueOrDefault(d))];
        }

        return SvgBarChart.Render($"近 {Days} 天每日新增与办结", [.. days.Select(d => $"{d.Month}/{d.Day}")],
            [new("新增", PerDay(created)), new("办结", PerDay(resolved))]);
    }

    public async Task<string> CategoriesAsync(GridScope scope, CancellationToken cancellationToken)
    {
        var fromUtc = time.GetUtcNow().UtcDateTime.AddDays(-Days);
        var rows = await InScope(scope).Where(t => t.CreatedUtc >= fromUtc)
            .GroupBy(t => t.Category).Select(g => new { Category = g.Key, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var ordered = rows.OrderByDescending(r => r.Count).ThenBy(r => r.Category, StringComparer.Ordinal).ToList();
        return SvgBarChart.Render($"近 {Days} 天各类别工单", [.. ordered.Select(r => r.Category)], [new("工单数", [.. ordered.Select(r => (double)r.Count)])]);
    }

    public async Task<string> GridsAsync(GridScope scope, CancellationToken cancellationToken)
    {
        var rows = await overview.RunAsync(scope, cancellationToken);
        return SvgBarChart.Render($"近 {GridOverviewQuery.Days} 天各网格按时办结率与满意率", [.. rows.Select(r => r.Name)],
            [new("按时率", [.. rows.Select(r => r.OnTimeRate ?? 0)]), new("满意率", [.. rows.Select(r => r.SatisfactionRate ?? 0)])], percent: true);
    }

    private IQueryable<Store.Tickets.Ticket> InScope(GridScope scope) => db.Tickets.AsNoTracking().InScope(scope);
}
