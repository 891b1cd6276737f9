using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Tickets;

/// <summary>The nearest grid leaders above or at a grid: the micro-grid's own leader before the grid's.</summary>
public sealed class GridLeaders(GridBotDbContext db)
{
    public async Task<List<Member>> OfAsync(string channel, Grid grid, CancellationToken cancellationToken)
    {
        var leaders = await db.Members.AsNoTracking().Include(m => m.Grid).Covering(grid.Path)
            .Where(m => m.Channel == channel && m.Role == MemberRole.Leader)
            .ToListAsync(cancellationToken);
        if (leaders.Count == 0)
        {
            return leaders;
        }

        var nearest = leaders.Max(l => l.Grid!.Path.Length);
        return leaders.Where(l => l.Grid!.Path.Length == nearest).ToList();
    }
}
