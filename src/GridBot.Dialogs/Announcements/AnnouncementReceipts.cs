using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 回执 figures. Known members are the members bound to a reached grid or below it; each counts once, for the nearest
/// reached grid above them (a micro-grid liaison counts for the grid whose chat they are in when the micro-grid has
/// none of its own). Acknowledged = known members with an ack row.
/// </summary>
public sealed class AnnouncementReceipts(GridBotDbContext db)
{
    public async Task<IReadOnlyList<GridAckRate>> RatesAsync(long announcementId, CancellationToken cancellationToken)
    {
        var grids = await db.AnnouncementDeliveries.AsNoTracking().Where(d => d.AnnouncementId == announcementId)
            .Select(d => new { d.GridId, d.Chat!.Grid!.Code, d.Chat.Grid.Name, d.Chat.Grid.Path }).Distinct().ToListAsync(cancellationToken);
        if (grids.Count == 0)
        {
            return [];
        }

        var members = await MembersUnderAsync(grids.Select(g => g.Path).ToList(), cancellationToken);
        var acked = (await db.AnnouncementAcks.AsNoTracking().Where(a => a.AnnouncementId == announcementId).Select(a => a.MemberId).ToListAsync(cancellationToken)).ToHashSet();
        var byPath = grids.OrderByDescending(g => g.Path.Length).ToList();
        var known = members
            .Select(m => (m.Id, Grid: byPath.FirstOrDefault(g => GridScope.IsWithin(m.Path, g.Path))?.GridId))
            .Where(m => m.Grid is not null)
            .GroupBy(m => m.Grid!.Value)
            .ToDictionary(g => g.Key, g => (Known: g.Count(), Acked: g.Count(m => acked.Contains(m.Id))));
        return grids.OrderBy(g => g.Path, StringComparer.Ordinal)
            .Select(g => known.TryGetValue(g.GridId, out var k) ? new GridAckRate(g.GridId, g.Code, g.Name, k.Known, k.Acked) : new GridAckRate(g.GridId, g.Code, g.Name, 0, 0))
            .ToList();
    }

    /// <summary>Acknowledged and not yet, by name, among the members bound to <paramref name="scope"/> or below it.</summary>
    public async Task<AckRoster> RosterAsync(long announcementId, Grid scope, CancellationToken cancellationToken)
    {
        var members = await db.Members.AsNoTracking().InScope(GridScope.Of(scope))
            .OrderBy(m => m.Id).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var acked = (await db.AnnouncementAcks.AsNoTracking().Where(a => a.AnnouncementId == announcementId).Select(a => a.MemberId).ToListAsync(cancellationToken)).ToHashSet();
        return new AckRoster(
            members.Where(m => acked.Contains(m.Id)).Select(m => m.Name).ToList(),
            members.Where(m => !acked.Contains(m.Id)).Select(m => m.Name).ToList());
    }

    private async Task<List<(int Id, string Path)>> MembersUnderAsync(List<string> paths, CancellationToken cancellationToken)
    {
        // Reached grids nest (a street's and its grids' chats): only the outermost paths need a query.
        var roots = paths.Where(p => !GridScope.IsBelowAnother(p, paths)).Distinct().ToList();
        var members = new List<(int, string)>();
        foreach (var root in roots)
        {
            var rows = await db.Members.AsNoTracking().InScope(new GridScope(null, root))
                .Select(m => new { m.Id, m.Grid!.Path }).ToListAsync(cancellationToken);
            members.AddRange(rows.Select(r => (r.Id, r.Path)));
        }

        return members;
    }
}
