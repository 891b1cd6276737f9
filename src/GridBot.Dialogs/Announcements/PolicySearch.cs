using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// 政策 &lt;关键词&gt;: the full-text index finds candidates; only published, not withdrawn announcements aimed at the
/// asker's grid or one of its ancestors answer (a community's announcement answers in each of its grids).
/// </summary>
public sealed class PolicySearch(GridBotDbContext db, IAnnouncementSearch search)
{
    private const int Candidates = 200;
    private const int ExcerptChars = 60;

    public async Task<IReadOnlyList<PolicyHit>> FindAsync(string query, Grid grid, int limit, CancellationToken cancellationToken)
    {
        var keywords = query.Split([' ', '　', ',', '，', '、'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(k => k.Length <= 32).Take(5).ToList();
        if (keywords.Count == 0)
        {
            return [];
        }

        var ids = await search.FindAsync(keywords, Candidates, cancellationToken);
        if (ids.Count == 0)
        {
            return [];
        }

        var rows = await db.Announcements.AsNoTracking()
            .Where(a => ids.Contains(a.Id) && a.PublishedUtc != null && a.WithdrawnUtc == null)
            .Select(a => new { a.Number, a.Title, a.Body, PublishedUtc = a.PublishedUtc!.Value, Paths = a.Targets.Select(t => t.Grid!.Path).ToList() })
            .ToListAsync(cancellationToken);
        return rows.Where(a => a.Paths.Any(p => GridScope.IsWithin(grid.Path, p)))
            .OrderByDescending(a => a.PublishedUtc).Take(limit)
            .Select(a => new PolicyHit(a.Number, a.Title, a.PublishedUtc, Excerpt(a.Body, keywords)))
            .ToList();
    }

    private static string Excerpt(string body, IReadOnlyList<string> keywords)
    {
        var flat = body.Replace('\n', ' ').Replace("\r", "", StringComparison.Ordinal);
        var at = keywords.Select(k => flat.IndexOf(k, StringComparison.OrdinalIgnoreCase)).Where(i => i >= 0).DefaultIfEmpty(0).Min();
        var start = Math.Max(0, at - ExcerptChars / 3);
        if (start > 0 && char.IsLowSurrogate(flat[start]))
        {
            start--;
        }

        var length = Math.Min(ExcerptChars, flat.Length - start);
        if (length > 0 && start + length < flat.Length && char.IsHighSurrogate(flat[start + length - 1]))
        {
            length--;
        }

        return (start > 0 ? "…" : "") + flat.Substring(start, length).Trim() + (start + length < flat.Length ? "…" : "");
    }
}
