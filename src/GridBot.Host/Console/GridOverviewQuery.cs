using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// Per grid (网格; a micro-grid's tickets count for its grid): open and overdue now, and of the work closed in the
/// last <see cref="Days"/> days how much was on time and how many raters were satisfied. Grouped in SQL, rolled up in memory.
/// </summary>
public sealed class GridOverviewQuery(GridBotDbContext db, TimeProvider time)
{
    public const int Days = 30;

    public async Task<IReadOnlyList<GridOverviewRow>> RunAsync(GridScope scope, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var from = now.AddDays(-Days);
        var grids = await db.Grids.AsNoTracking().InScope(scope)
            .Select(g => new { g.Id, g.Code, g.Name, g.Level, g.Path }).ToListAsync(cancellationToken);
        var ranked = grids.Where(g => g.Level == GridLevel.Grid).ToList();
        var rollUp = grids.ToDictionary(g => g.Id, g => ranked.FirstOrDefault(r => GridScope.IsWithin(g.Path, r.Path))?.Id);

        var open = await db.Tickets.AsNoTracking()
            // Work on the clock (投诉/求助): a question or suggestion waiting for an answer is on the board, not in these rates.
            .Where(t => t.ResolvedUtc == null && t.DeadlineUtc != null && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Withdrawn)
            .GroupBy(t => t.GridId)
            .Select(g => new { GridId = g.Key, Open = g.Count(), Overdue = g.Sum(t => t.DeadlineUtc < now ? 1 : 0) })
            .ToListAsync(cancellationToken);
        var closed = await db.Tickets.AsNoTracking()
            .Where(t => t.ResolvedUtc >= from && t.ResolvedUtc <= now && t.DeadlineUtc != null)
            .GroupBy(t => t.GridId)
            .Select(g => new
            {
                GridId = g.Key,
                Closed = g.Count(),
                OnTime = g.Sum(t => t.ResolvedUtc <= t.DeadlineUtc ? 1 : 0),
                Rated = g.Sum(t => t.Rating != null ? 1 : 0),
                Satisfied = g.Sum(t => t.Rating == TicketRating.Satisfied || t.Rating == TicketRating.BasicallySatisfied ? 1 : 0),
            })
            .ToListAsync(cancellationToken);

        var rows = ranked.ToDictionary(g => g.Id, g => new GridOverviewRow(g.Code, g.Name, 0, 0, 0, 0, 0, 0));
        foreach (var o in open)
        {
            if (rollUp.GetValueOrDefault(o.GridId) is { } id)
            {
                rows[id] = rows[id] with { Open = rows[id].Open + o.Open, Overdue = rows[id].Overdue + o.Overdue };
            }
        }

        foreach (var c in closed)
        {
            if (rollUp.GetValueOrDefault(c.GridId) is { } id)
            {
                var r = rows[id];
                rows[id] = r with { Closed = r.Closed + c.Closed, OnTime = r.OnTime + c.OnTime, Rated = r.Rated + c.Rated, Satisfied = r.Satisfied + c.Satisfied };
            }
        }

        return [.. rows.Values.OrderBy(r => r.Code, StringComparer.Ordinal)];
    }
}

public sealed record GridOverviewRow(string Code, string Name, int Open, int Overdue, int Closed, int OnTime, int Rated, int Satisfied)
{
    public double? OnTimeRate => Closed == 0 ? null : (double)OnTime / Closed;

    public double? SatisfactionRate => Rated == 0 ? null : (double)Satisfied / Rated;
}
