using GridBot.Dialogs.Identity;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// Finds a ticket by its full number or an unambiguous tail ("0007", "7"), only among the tickets the speaker
/// may see: staff their grid subtree, residents the tickets they reported.
/// </summary>
public sealed class TicketFinder(GridBotDbContext db)
{
    public IQueryable<Ticket> Visible(TurnIdentity identity)
    {
        if (identity.IsStaff)
        {
            return db.Tickets.InScope(identity.Scope);
        }

        var (channel, userId) = (identity.Channel, identity.UserId);
        return db.Tickets.Where(t => t.Reporters.Any(r => r.Channel == channel && r.UserId == userId));
    }

    public async Task<TicketLookup> FindAsync(TurnIdentity identity, string reference, CancellationToken cancellationToken)
    {
        var tail = reference.Trim().ToUpperInvariant();
        if (tail.Length is 0 or > 32 || !tail.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
        {
            return new TicketLookup.NotFound(reference);
        }

        var candidates = await Visible(identity)
            .Where(t => t.Number.EndsWith(tail))
            .OrderByDescending(t => t.Id)
            .Take(20)
            .Include(t => t.Reporters)
            .Include(t => t.Grid)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        if (candidates.Count > 1 && tail.All(char.IsAsciiDigit) && tail.Length < 4)
        {
            // "7" means sequence 0007, not 0017: prefer the padded exact sequence.
            var padded = "-" + tail.PadLeft(4, '0');
            var exact = candidates.Where(t => t.Number.EndsWith(padded, StringComparison.Ordinal)).ToList();
            if (exact.Count > 0)
            {
                candidates = exact;
            }
        }

        return candidates.Count switch
        {
            0 => new TicketLookup.NotFound(reference),
            1 => new TicketLookup.Found(candidates[0]),
            _ => new TicketLookup.Ambiguous(reference, candidates.Select(t => t.Number).ToList()),
        };
    }
}
