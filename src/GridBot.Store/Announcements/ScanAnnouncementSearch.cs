using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Announcements;

/// <summary>
/// Provider-neutral search for stores without a Chinese full-text index (PostgreSQL until a pg_trgm index and its
/// class are added): every keyword as a substring of title or body, which EF translates for each provider. Correct for
/// any keyword length, but it reads every announcement: fine for thousands, not for millions.
/// </summary>
public sealed class ScanAnnouncementSearch(GridBotDbContext db) : IAnnouncementSearch
{
    public async Task<IReadOnlyList<long>> FindAsync(IReadOnlyList<string> keywords, int limit, CancellationToken cancellationToken)
    {
        var terms = keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var query = db.Announcements.AsNoTracking();
        foreach (var term in terms)
        {
            query = query.Where(a => a.Title.Contains(term) || a.Body.Contains(term));
        }

        return await query.OrderByDescending(a => a.Id).Take(limit).Select(a => a.Id).ToListAsync(cancellationToken);
    }
}
