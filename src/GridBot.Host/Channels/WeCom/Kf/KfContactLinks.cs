using GridBot.Store;
using GridBot.Store.Grids;
using GridBot.Store.Kf;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Kf;

/// <summary>
/// One contact link per grid (kf/add_contact_way, scene = the grid code, which enter_session hands back): a grid that
/// has one keeps it, so a re-run neither mints a second link nor invalidates QR codes already printed.
/// </summary>
internal sealed class KfContactLinks(GridBotDbContext db, KfApiClient api, TimeProvider time)
{
    /// <param name="scopeCode">Only the grids under this one (itself included); null for all.</param>
    /// <returns>
    /// Every grid residents live in (网格, 微网格, 专属网格) in scope with its link, or why it has none: a grid's leader
    /// pins the grid's code in the residents' group, a micro-grid's liaison the micro-grid's.
    /// </returns>
    public async Task<IReadOnlyList<KfGridLink>> EnsureAsync(string openKfid, string? scopeCode, CancellationToken cancellationToken)
    {
        var grids = await db.Grids.AsNoTracking()
            .Where(g => scopeCode == null || g.Path.Contains("/" + scopeCode + "/"))
            .Where(g => g.Level == GridLevel.Grid || g.Level == GridLevel.MicroGrid || g.Level == GridLevel.Dedicated)
            .OrderBy(g => g.Path)
            .ToListAsync(cancellationToken);
        var known = await db.KfContactLinks.AsNoTracking().Where(l => l.OpenKfId == openKfid).ToDictionaryAsync(l => l.GridId, cancellationToken);
        var links = new List<KfGridLink>();
        foreach (var grid in grids)
        {
            if (known.TryGetValue(grid.Id, out var link))
            {
                links.Add(new KfGridLink(grid, link.Url, null));
                continue;
            }

            links.Add(await CreateAsync(openKfid, grid, cancellationToken));
        }

        return links;
    }

    private async Task<KfGridLink> CreateAsync(string openKfid, Grid grid, CancellationToken cancellationToken)
    {
        // WeCom: scene is at most 32 bytes of [0-9a-zA-Z_-]; a longer code could only go into scene_param.
        if (grid.Code.Length > 32 || !grid.Code.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            return new KfGridLink(grid, null, "网格编码不能作为 scene（最多 32 个字母、数字、_ 或 -）");
        }

        var answer = await api.AddContactWayAsync(new KfContactWayRequest { OpenKfid = openKfid, Scene = grid.Code }, cancellationToken);
        if (answer is not { Errcode: 0, Url.Length: > 0 })
        {
            return new KfGridLink(grid, null, $"add_contact_way errcode {answer.Errcode}");
        }

        db.KfContactLinks.Add(new KfContactLink { OpenKfId = openKfid, GridId = grid.Id, Url = answer.Url, CreatedUtc = time.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return new KfGridLink(grid, answer.Url, null);
    }
}
