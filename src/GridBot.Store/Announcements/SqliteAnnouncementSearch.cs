using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Announcements;

/// <summary>
/// FTS5 with tokenize='trigram' (table AnnouncementText, rowid = announcement id, kept in sync by triggers created in
/// the Announcements migration, so the index changes in the same transaction as the row). A trigram index cannot
/// MATCH a term shorter than three characters, and two-character words (医保, 低保, 补贴) are everyday queries: those
/// terms use LIKE on the same table, which FTS5's trigram tokenizer answers too (by scanning the FTS table, which is
/// small next to the tickets). All SQLite-specific SQL of the feature is here and in that migration.
/// </summary>
public sealed class SqliteAnnouncementSearch(GridBotDbContext db) : IAnnouncementSearch
{
    public async Task<IReadOnlyList<long>> FindAsync(IReadOnlyList<string> keywords, int limit, CancellationToken cancellationToken)
    {
        var terms = keywords.Select(k => k.Trim()).Where(k => k.Length > 0).Distinct().ToList();
        if (terms.Count == 0)
        {
            return [];
        }

        var parameters = new List<object>();
        var conditions = new List<string>();
        var longTerms = terms.Where(t => t.Length >= 3).ToList();
        if (longTerms.Count > 0)
        {
            // Each term is one quoted FTS5 string: quotes inside are doubled, so no term can inject query syntax.
            parameters.Add(string.Join(" AND ", longTerms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"")));
            conditions.Add($"AnnouncementText MATCH {{{parameters.Count - 1}}}");
        }

        foreach (var term in terms.Where(t => t.Length < 3))
        {
            parameters.Add("%" + EscapeLike(term) + "%");
            var index = parameters.Count - 1;
            conditions.Add($"(Title LIKE {{{index}}} ESCAPE '\\' OR Body LIKE {{{index}}} ESCAPE '\\')");
        }

        parameters.Add(limit);
#pragma warning disable EF1002 // Only placeholders are formatted in; every value is a parameter.
        var sql = $"SELECT rowid AS Value FROM AnnouncementText WHERE {string.Join(" AND ", conditions)} ORDER BY rowid DESC LIMIT {{{parameters.Count - 1}}}";
        return await db.Database.SqlQueryRaw<long>(sql, [.. parameters]).ToListAsync(cancellationToken);
#pragma warning restore EF1002
    }

    private static string EscapeLike(string term) =>
        term.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
