using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// A new report is the same problem as an open ticket of the same grid, category and appeal type, reported within the window,
/// when the places overlap and the words are alike — or, where a place is missing, when the words are very alike.
/// Two different places never merge.
/// </summary>
public sealed class DuplicateFinder(GridBotDbContext db, IOptions<TicketOptions> options)
{
    private const double SimilarWithPlace = 0.2;
    private const double SimilarWithoutPlace = 0.5;
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsOpen).ToArray();

    public async Task<Ticket?> FindAsync(int gridId, TicketDraft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var window = options.Value.DuplicateWindowHours;
        if (window == 0)
        {
            return null;
        }

        var since = nowUtc.AddHours(-window);
        // Compare on a light projection; only the winner is loaded whole (with its reporters) to be merged into.
        var candidates = await db.Tickets.AsNoTracking()
            .Where(t => t.GridId == gridId && t.Category == draft.Category && t.AppealType == draft.AppealType && OpenStatuses.Contains(t.Status) && t.CreatedUtc >= since)
            .OrderByDescending(t => t.Id).Take(50)
            .Select(t => new Candidate(t.Id, t.Description, t.Place))
            .ToListAsync(cancellationToken);
        var best = candidates
            .Select(c => (c.Id, Score: Score(draft, c)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        // One query (one round trip in the turn): a ticket's reporters are few rows, each carrying the grid's columns.
        return best.Score > 0
            ? await db.Tickets.Include(t => t.Reporters).Include(t => t.Grid).AsSingleQuery().FirstAsync(t => t.Id == best.Id, cancellationToken)
            : null;
    }

    private static double Score(TicketDraft draft, Candidate ticket)
    {
        var similarity = TextSimilarity.Dice(draft.Description, ticket.Description);
        if (draft.Place is not null && ticket.Place is not null)
        {
            return PlacesOverlap(draft.Place, ticket.Place) && similarity >= SimilarWithPlace ? similarity + 1 : 0;
        }

        return similarity >= SimilarWithoutPlace ? similarity : 0;
    }

    /// <summary>"5栋2单元的电梯" and "5栋2单元电梯" are one place: spaces and 的 tell no places apart.</summary>
    private static bool PlacesOverlap(string a, string b)
    {
        var x = Bare(a);
        var y = Bare(b);
        return x.Contains(y, StringComparison.Ordinal) || y.Contains(x, StringComparison.Ordinal);
    }

    private static string Bare(string place) => place.Replace(" ", "", StringComparison.Ordinal).Replace("的", "", StringComparison.Ordinal);

    private sealed record Candidate(int Id, string Description, string? Place);
}
