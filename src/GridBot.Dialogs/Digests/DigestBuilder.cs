using GridBot.Dialogs.Announcements;
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
public sealed class DigestBuilder(GridBotDbContext db, ChinaWorkingCalendar calendar, TimeProvider time, AnnouncementReceipts receipts)
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

        var grids = await db.Grids.AsNoTracking().InScope(GridScope.Of(scope))
            .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path }).ToListAsync(cancellationToken);
        var ids = grids.Select(g => g.Id).ToList();
        // Each ticket counts for the grid (网格) it lies in: a micro-grid's tickets roll up to their grid.
        var rankedByPath = grids.Where(g => g.Level == GridLevel.Grid).ToDictionary(g => g.Path);
        var rankedOf = grids.ToDictionary(g => g.Id, g => grids.Where(a => a.Level == GridLevel.Grid && GridScope.IsWithin(g.Path, a.Path))
            .Select(a => a.Id).Cast<int?>().FirstOrDefault() ?? g.Id);

        // Three narrow range queries (each on its own index: CreatedUtc, ResolvedUtc) instead of one pass over the
        // scope's whole history; the scope is applied to the few thousand grouped rows in memory. Over 1,000,000
        // tickets this is what keeps a district digest from reading every row (docs/BENCHMARKS.md).
        var inScope = ids.ToHashSet();
        var createdByType = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedUtc >= from && t.CreatedUtc < to)
            .GroupBy(t => new { t.GridId, t.Category, t.AppealType })
            .Select(g => new { g.Key.GridId, g.Key.Category, g.Key.AppealType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        // Rates and rankings are about work on the clock: a question answered or a suggestion noted is not "closed on time".
        var created = createdByType.Where(r => r.AppealType.CarriesSla()).ToList();
        var closed = await db.Tickets.AsNoTracking()
            .Where(t => t.ResolvedUtc >= from && t.ResolvedUtc < to && t.DeadlineUtc != null)
            .GroupBy(t => new { t.GridId, t.Category })
            .Select(g => new
            {
                g.Key.GridId,
                g.Key.Category,
                Count = g.Count(),
                OnTime = g.Sum(t => t.ResolvedUtc <= t.DeadlineUtc ? 1 : 0),
                Rated = g.Sum(t => t.Rating != null ? 1 : 0),
                Satisfied = g.Sum(t => t.Rating == TicketRating.Satisfied || t.Rating == TicketRating.BasicallySatisfied ? 1 : 0),
            })
            .ToListAsync(cancellationToken);
        // Open at the end of the period: never resolved (IS NULL is an index seek) plus resolved only after it (a
        // range); as one OR, SQLite falls back to reading every ticket.
        var unresolved = await db.Tickets.AsNoTracking()
            .Where(t => t.ResolvedUtc == null && t.DeadlineUtc != null && t.CreatedUtc < to && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn)
            .GroupBy(t => new { t.GridId, t.Category })
            .Select(g => new { g.Key.GridId, g.Key.Category, Count = g.Count(), Overdue = g.Sum(t => t.DeadlineUtc < overdueAt ? 1 : 0) })
            .ToListAsync(cancellationToken);
        // The upper bound is no filter; it makes the ResolvedUtc range two-sided, so SQLite's planner prefers it to
        // "CreatedUtc < to" (which matches nearly every ticket: 4.7 s instead of milliseconds over 1,000,000).
        var farFuture = to.AddYears(100);
        var resolvedLater = await db.Tickets.AsNoTracking()
            .Where(t => t.ResolvedUtc >= to && t.ResolvedUtc < farFuture && t.CreatedUtc < to && t.DeadlineUtc != null)
            .GroupBy(t => new { t.GridId, t.Category })
            .Select(g => new { g.Key.GridId, g.Key.Category, Count = g.Count(), Overdue = g.Sum(t => t.DeadlineUtc < overdueAt ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var open = unresolved.Concat(resolvedLater);
        // Urges and withdrawals are history lines of the period (index on Action, AtUtc), counted for their ticket's grid.
        var followUps = await db.TicketEvents.AsNoTracking()
            .Where(e => (e.Action == TicketAction.Urge || e.Action == TicketAction.Withdraw) && e.AtUtc >= from && e.AtUtc < to)
            .Join(db.Tickets, e => e.TicketId, t => t.Id, (e, t) => new { t.GridId, t.Category, e.Action })
            .GroupBy(x => new { x.GridId, x.Category, x.Action })
            .Select(g => new { g.Key.GridId, g.Key.Category, g.Key.Action, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var rows = created.Select(r => (r.GridId, r.Category, Counts: DigestCounts.Zero with { New = r.Count }))
            .Concat(closed.Select(r => (r.GridId, r.Category, Counts: DigestCounts.Zero with { Closed = r.Count, ClosedOnTime = r.OnTime, Rated = r.Rated, Satisfied = r.Satisfied })))
            .Concat(open.Select(r => (r.GridId, r.Category, Counts: DigestCounts.Zero with { Open = r.Count, Overdue = r.Overdue })))
            .Concat(followUps.Select(r => (r.GridId, r.Category, Counts: r.Action == TicketAction.Urge
                ? DigestCounts.Zero with { Urges = r.Count }
                : DigestCounts.Zero with { Withdrawn = r.Count })))
            .Where(r => inScope.Contains(r.GridId))
            .ToList();

        var counted = rows.Select(r => (Grid: rankedOf[r.GridId], r.Category, r.Counts)).ToList();
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
            await MedianHoursToAcceptAsync(inScope, from, to, cancellationToken),
            await MedianHoursToCloseAsync(inScope, from, to, cancellationToken),
            ranked,
            categories,
            await OldestOpenAsync(ids, to, overdueAt, cancellationToken),
            period == DigestPeriod.Weekly ? await AnnouncementsAsync(inScope, from, to, cancellationToken) : [],
            await AppealsAsync(createdByType.Where(r => inScope.Contains(r.GridId)).Select(r => (r.AppealType, r.Count)), inScope, to, cancellationToken));
    }

    /// <summary>New per appeal type in the period, and the questions, suggestions and praise still unanswered at its end.</summary>
    private async Task<IReadOnlyList<DigestAppealLine>> AppealsAsync(IEnumerable<(AppealType Type, int Count)> created, HashSet<int> inScope, DateTime to, CancellationToken cancellationToken)
    {
        var waiting = await db.Tickets.AsNoTracking()
            .Where(t => t.DeadlineUtc == null && t.ResolvedUtc == null && t.CreatedUtc < to && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed)
            .GroupBy(t => new { t.GridId, t.AppealType })
            .Select(g => new { g.Key.GridId, g.Key.AppealType, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var newByType = created.GroupBy(c => c.Type).ToDictionary(g => g.Key, g => g.Sum(c => c.Count));
        var waitingByType = waiting.Where(w => inScope.Contains(w.GridId)).GroupBy(w => w.AppealType).ToDictionary(g => g.Key, g => g.Sum(w => w.Count));
        return [.. AppealTypeNames.All.Select(type => new DigestAppealLine(AppealTypeNames.Code(type), AppealTypeNames.Of(type),
            newByType.GetValueOrDefault(type), waitingByType.GetValueOrDefault(type)))];
    }

    /// <summary>The week's announcements that asked for 回执 and reached the scope, with the scope's grids' rates.</summary>
    private async Task<IReadOnlyList<DigestAnnouncementLine>> AnnouncementsAsync(HashSet<int> inScope, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var ids = inScope.ToList();
        var announcements = await db.Announcements.AsNoTracking()
            .Where(a => a.RequireAck && a.PublishedUtc >= from && a.PublishedUtc < to && a.Deliveries.Any(d => ids.Contains(d.GridId)))
            .OrderBy(a => a.PublishedUtc).Select(a => new { a.Id, a.Number, a.Title, PublishedUtc = a.PublishedUtc!.Value })
            .ToListAsync(cancellationToken);
        var lines = new List<DigestAnnouncementLine>();
        foreach (var announcement in announcements)
        {
            var grids = (await receipts.RatesAsync(announcement.Id, cancellationToken)).Where(g => inScope.Contains(g.GridId))
                .OrderBy(g => g.Rate ?? 1).ThenBy(g => g.Code, StringComparer.Ordinal).ToList();
            var known = grids.Sum(g => g.Known);
            var acknowledged = grids.Sum(g => g.Acknowledged);
            lines.Add(new DigestAnnouncementLine(announcement.Number, announcement.Title, announcement.PublishedUtc, known, acknowledged,
                known == 0 ? null : (double)acknowledged / known, grids));
        }

        return lines;
    }

    private async Task<double?> MedianHoursToAcceptAsync(HashSet<int> inScope, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.CreatedUtc >= from && t.CreatedUtc < to)
            .Select(t => new
            {
                t.GridId,
                t.CreatedUtc,
                AcceptedUtc = t.Events.Where(e => e.Action == TicketAction.Accept || e.Action == TicketAction.Assign).Min(e => (DateTime?)e.AtUtc),
            })
            .Where(t => t.AcceptedUtc != null)
            .ToListAsync(cancellationToken);
        return Median(rows.Where(r => inScope.Contains(r.GridId)).Select(r => (r.AcceptedUtc!.Value - r.CreatedUtc).TotalHours));
    }

    private async Task<double?> MedianHoursToCloseAsync(HashSet<int> inScope, DateTime from, DateTime to, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => t.ResolvedUtc >= from && t.ResolvedUtc < to && t.DeadlineUtc != null)
            .Select(t => new { t.GridId, t.CreatedUtc, t.ResolvedUtc })
            .ToListAsync(cancellationToken);
        return Median(rows.Where(r => inScope.Contains(r.GridId)).Select(r => (r.ResolvedUtc!.Value - r.CreatedUtc).TotalHours));
    }

    private async Task<List<DigestOldTicket>> OldestOpenAsync(List<int> ids, DateTime to, DateTime ageAt, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.AsNoTracking()
            .Where(t => ids.Contains(t.GridId) && t.CreatedUtc < to && t.ResolvedUtc == null && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Withdrawn)
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
