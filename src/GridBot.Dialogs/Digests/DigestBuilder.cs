using GridBot.Dialogs.Calendar;
using GridBot.Dialogs.Tickets;
using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Digests;

/// <summary>
/// Builds a community's or street's digest from live data: counts are aggregated in SQL per grid and category
/// (one pass over the scope's tickets), medians from the durations of what was accepted and closed in the period.
/// </summary>
public sealed class DigestBuilder(GridBotDbContext db, ChinaWorkingCalendar calendar, TimeProvider time)
{
    private const int OldestCount = 5;

    /// <returns>Null when no grid has the code.</returns>
    public async Task<DigestReport?> BuildAsync(string scopeCode, DigestPeriod period, DateOnly date, CancellationToken cancellationToken)
    {
        var scope = await db.Grids.AsNoTracking().FirstOrDefaultAsync(g => g.Code == scopeCode, cancellationToken);
        if (scope is null)
        {
            return null;
        }

        var firstDay = period == DigestPeriod.Weekly ? date.AddDays(-7) : PreviousWorkingDay(date);
        var from = StartOf(firstDay);
        var to = StartOf(date);
        var now = time.GetUtcNow().UtcDateTime;
        var overdueAt = to < now ? to : now;

        var grids = await db.Grids.AsNoTracking().Where(g => g.Path.StartsWith(scope.Path))
            .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path }).ToListAsync(cancellationToken);
        var ids = grids.Select(g => g.Id).ToList();
        // Each ticket counts for the grid (网格) it lies in: a micro-grid's tickets roll up to their grid.
        var rankedByPath = grids.Where(g => g.Level == GridLevel.Grid).ToDictionary(g => g.Path);
        var rankedOf = grids.ToDictionary(g => g.Id, g => grids.Where(a => a.Level == GridLevel.Grid && g.Path.StartsWith(a.Path, StringComparison.Ordinal))
            .Select(a => a.Id).Cast<int?>().FirstOrDefault() ?? g.Id);

        var rows = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.GridId) && t.CreatedUtc < to && (t.CreatedUtc >= from || t.ResolvedUtc == null || t.ResolvedUtc >= from))
            .GroupBy(t => new { t.GridId, t.Category })
            .Select(g => new
            {
                g.Key.GridId,
                g.Key.Category,
                New = g.Sum(t => t.CreatedUtc >= from ? 1 : 0),
                Closed = g.Sum(t => t.ResolvedUtc >= from && t.ResolvedUtc < to ? 1 : 0),
                ClosedOnTime = g.Sum(t => t.ResolvedUtc >= from && t.ResolvedUtc < to && t.ResolvedUtc <= t.DeadlineUtc ? 1 : 0),
                Open = g.Sum(t => (t.ResolvedUtc == null ? t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed : t.ResolvedUtc >= to) ? 1 : 0),
                Overdue = g.Sum(t => (t.ResolvedUtc == null ? t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed : t.ResolvedUtc >= to) && t.DeadlineUtc < overdueAt ? 1 : 0),
                Rated = g.Sum(t => t.ResolvedUtc >= from && t.ResolvedUtc < to && t.Rating != null ? 1 : 0),
                Satisfied = g.Sum(t => t.ResolvedUtc >= from && t.ResolvedUtc < to && (t.Rating == TicketRating.Satisfied || t.Rating == TicketRating.BasicallySatisfied) ? 1 : 0),
            })
            .ToListAsync(cancellationToken);

        var counted = rows.Select(r => (Grid: rankedOf[r.GridId], r.Category, Counts: new DigestCounts(r.New, r.Closed, r.Open, r.Overdue, r.ClosedOnTime, r.Rated, r.Satisfied))).ToList();
        var byGrid = counted.GroupBy(c => c.Grid).ToDictionary(g => g.Key, g => g.Aggregate(DigestCounts.Zero, (sum, c) => sum.Plus(c.Counts)));
        var names = grids.ToDictionary(g => g.Id);
        var ranked = rankedByPath.Values.Select(g => g.Id).Concat(byGrid.Keys).Distinct()
            .Select(id => (Grid: names[id], Counts: byGrid.GetValueOrDefault(id) ?? DigestCounts.Zero))
            .OrderByDescending(g => g.Counts.OnTimeRate ?? -1).ThenBy(g => g.Counts.Overdue).ThenByDescending(g => g.Counts.Closed).ThenBy(g => g.Grid.Code, StringComparer.Ordinal)
            .Select((g, i) => new DigestGridLine(i + 1, g.Grid.Code, g.Grid.Name, g.Counts))
            .ToList();
        var categories = counted.GroupBy(c => c.Category)
            .Select(g => new DigestCategoryLine(g.Key, g.Aggregate(DigestCounts.Zero, (sum, c) => sum.Plus(c.Counts))))
            .OrderByDescending(c => c.Counts.New + c.Counts.Open).ThenBy(c => c.Category, StringComparer.Ordinal)
            .ToList();

        return new DigestReport(
            scope.Code,
            scope.Name,
            period,
            firstDay,
            date.AddDays(-1),
            categories.Aggregate(DigestCounts.Zero, (sum, c) => sum.Plus(c.Counts)),
            await MedianHoursToAcceptAsync(ids, from, to, cancellationToken),
            await MedianHoursToCloseAsync(ids, from, to, cancellationToken),
            ranked,
            categories,
            await OldestOpenAsync(ids, to, overdueAt, cancellationToken));
    }

    private async Task<double?> MedianHoursToAcceptAsync(List<int> ids, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.GridId) && t.CreatedUtc >= from && t.CreatedUtc < to)
            .Select(t => new
            {
                t.CreatedUtc,
                AcceptedUtc = t.Events.Where(e => e.Action == TicketAction.Accept || e.Action == TicketAction.Assign).Min(e => (DateTime?)e.AtUtc),
            })
            .Where(t => t.AcceptedUtc != null)
            .ToListAsync(cancellationToken);
        return Median(rows.Select(r => (r.AcceptedUtc!.Value - r.CreatedUtc).TotalHours));
    }

    private async Task<double?> MedianHoursToCloseAsync(List<int> ids, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.GridId) && t.ResolvedUtc >= from && t.ResolvedUtc < to)
            .Select(t => new { t.CreatedUtc, t.ResolvedUtc })
            .ToListAsync(cancellationToken);
        return Median(rows.Select(r => (r.ResolvedUtc!.Value - r.CreatedUtc).TotalHours));
    }

    private async Task<List<DigestOldTicket>> OldestOpenAsync(List<int> ids, DateTime to, DateTime ageAt, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.GridId) && t.CreatedUtc < to && t.ResolvedUtc == null && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed)
            .OrderBy(t => t.CreatedUtc).ThenBy(t => t.Id)
            .Take(OldestCount)
            .Select(t => new { t.Number, t.Category, GridName = t.Grid!.Name, t.Status, t.CreatedUtc })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new DigestOldTicket(r.Number, r.Category, r.GridName, TicketStatusNames.Of(r.Status),
            DateTime.SpecifyKind(r.CreatedUtc, DateTimeKind.Utc), Math.Round((ageAt - r.CreatedUtc).TotalDays, 1)))];
    }

    private static double? Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        if (sorted.Count == 0)
        {
            return null;
        }

        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return Math.Round(median, 2);
    }

    private DateOnly PreviousWorkingDay(DateOnly date)
    {
        var day = date.AddDays(-1);
        while (!calendar.IsWorkingDay(day))
        {
            day = day.AddDays(-1);
        }

        return day;
    }

    private DateTime StartOf(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.TimeZone);
}
