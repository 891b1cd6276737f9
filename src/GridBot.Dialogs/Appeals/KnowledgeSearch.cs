using GridBot.Dialogs.Tickets;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Appeals;

/// <summary>
/// Finds the knowledge-base entries that answer a question in a grid: entries of the grid and its ancestors (a
/// district's answer serves every grid in it), scored by the stored question's likeness to the asked one and by the
/// entry's keywords found in it. A grid's knowledge base is dozens to hundreds of rows, so they are scored in memory.
/// </summary>
public sealed class KnowledgeSearch(GridBotDbContext db)
{
    /// <summary>At or above this an answer is given as the answer; below it the question goes to a person.</summary>
    public const double GoodScore = 0.55;

    private const double KeywordBase = 0.45;
    private const double KeywordStep = 0.15;

    private static readonly char[] KeywordSeparators = ['、', ',', '，', ';', '；', ' ', '　', '/', '|'];

    public async Task<IReadOnlyList<KnowledgeHit>> FindAsync(string question, Grid grid, int limit, CancellationToken cancellationToken)
    {
        var entries = await db.KnowledgeEntries.AsNoTracking().Covering(grid.Path)
            .Select(e => new { e.Id, e.Question, e.Answer, e.Keywords, PathLength = e.Grid!.Path.Length })
            .ToListAsync(cancellationToken);
        var normalized = KeywordTicketUnderstander.Normalize(question);
        var core = QuestionTerms.Core(question);
        return entries
            .Select(e => (Entry: e, Score: Score(normalized, core, e.Question, e.Keywords)))
            .Where(s => s.Score > 0)
            // The nearest grid's own answer wins a tie over the district's general one.
            .OrderByDescending(s => s.Score).ThenByDescending(s => s.Entry.PathLength).ThenBy(s => s.Entry.Id)
            .Take(limit)
            .Select(s => new KnowledgeHit(s.Entry.Id, s.Entry.Question, s.Entry.Answer, Math.Round(s.Score, 3)))
            .ToList();
    }

    public static double Score(string normalizedQuestion, string core, string storedQuestion, string? keywords)
    {
        var likeness = TextSimilarity.Dice(core, QuestionTerms.Core(storedQuestion));
        var hits = (keywords ?? "").Split(KeywordSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(KeywordTicketUnderstander.Normalize)
            .Where(k => k.Length >= 2 && normalizedQuestion.Contains(k, StringComparison.Ordinal))
            .Distinct()
            .Count();
        var byKeywords = hits == 0 ? 0 : Math.Min(1, KeywordBase + (KeywordStep * (hits - 1)) + (likeness / 2));
        return Math.Max(likeness, byKeywords);
    }
}
