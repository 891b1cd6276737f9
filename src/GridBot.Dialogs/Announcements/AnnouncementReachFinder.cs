using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>Target codes to chats: one prefix query on the grid path per target (a code means its whole subtree).</summary>
public sealed class AnnouncementReachFinder(GridBotDbContext db)
{
    public async Task<AnnouncementReach> FindAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken)
    {
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var targets = await db.Grids.AsNoTracking().Where(g => wanted.Contains(g.Code))
            .Select(g => new { g.Id, g.Code, g.Path }).ToListAsync(cancellationToken);
        var unknown = wanted.Except(targets.Select(t => t.Code), StringComparer.Ordinal).ToList();
        var gridIds = new HashSet<int>();
        foreach (var path in targets.Select(t => t.Path))
        {
            gridIds.UnionWith(await db.Grids.AsNoTracking().InScope(new GridScope(null, path)).Select(g => g.Id).ToListAsync(cancellationToken));
        }

        var ids = gridIds.ToList();
        var chats = await db.Chats.AsNoTracking().Where(c => ids.Contains(c.GridId)).OrderBy(c => c.Id)
            .Select(c => new ReachedChat(c.Id, c.GridId, c.Channel, c.ChatId)).ToListAsync(cancellationToken);
        var groupScopes = new List<ReachedGroupScope>();
        foreach (var target in targets.Where(t => !GridScope.IsBelowAnother(t.Path, targets.Select(o => o.Path))).OrderBy(t => t.Path, StringComparer.Ordinal))
        {
            // Status 0 only: a group being taken over after its owner left has nobody who could confirm the task.
            var targetGrids = db.Grids.InScope(new GridScope(target.Code, target.Path));
            var groups = await db.CustomerGroups.AsNoTracking()
                .CountAsync(g => g.Status == 0 && targetGrids.Any(x => x.Id == g.GridId), cancellationToken);
            if (groups > 0)
            {
                groupScopes.Add(new ReachedGroupScope(target.Id, target.Code, groups));
            }
        }

        return new AnnouncementReach(chats, unknown, groupScopes);
    }

    public async Task<IReadOnlyList<int>> TargetGridIdsAsync(IReadOnlyList<string> codes, CancellationToken cancellationToken) =>
        await db.Grids.AsNoTracking().Where(g => codes.Contains(g.Code)).Select(g => g.Id).ToListAsync(cancellationToken);
}
