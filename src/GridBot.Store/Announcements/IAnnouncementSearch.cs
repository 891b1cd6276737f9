namespace GridBot.Store.Announcements;

/// <summary>
/// Chinese full-text search over announcement titles and bodies. The index is provider-specific (SQLite: FTS5 with
/// the trigram tokenizer); callers apply visibility (published, not withdrawn, the grid's own or an ancestor's).
/// </summary>
public interface IAnnouncementSearch
{
    /// <returns>Ids of announcements whose title or body contains every keyword, newest first, at most <paramref name="limit"/>.</returns>
    Task<IReadOnlyList<long>> FindAsync(IReadOnlyList<string> keywords, int limit, CancellationToken cancellationToken);
}
