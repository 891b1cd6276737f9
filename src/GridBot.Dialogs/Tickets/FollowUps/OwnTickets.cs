using GridBot.Dialogs.Core;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Dialogs.Tickets.FollowUps;

/// <summary>
/// The tickets the speaker reported (on this channel, whatever their role), and which one a follow-up means: by the
/// words when the message names the problem ("井盖"), otherwise the one open ticket (several: the person picks).
/// </summary>
public sealed class OwnTickets(GridBotDbContext db)
{
    private const int Recent = 20;

    /// <summary>Most recent first, tracked (a follow-up changes them), with reporters and grid.</summary>
    public Task<List<Ticket>> RecentAsync(TurnContext context, CancellationToken cancellationToken)
    {
        var (channel, userId) = (context.Identity.Channel, context.Identity.UserId);
        return db.Tickets
            .Where(t => t.Reporters.Any(r => r.Channel == channel && r.UserId == userId))
            .OrderByDescending(t => t.Id)
            .Take(Recent)
            .Include(t => t.Reporters)
            .Include(t => t.Grid)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
    }

    /// <summary>A ticket of the speaker's by its number, for the answer to "which one?".</summary>
    public Task<Ticket?> ByNumberAsync(TurnContext context, string number, CancellationToken cancellationToken)
    {
        var (channel, userId) = (context.Identity.Channel, context.Identity.UserId);
        return db.Tickets
            .Where(t => t.Number == number && t.Reporters.Any(r => r.Channel == channel && r.UserId == userId))
            .Include(t => t.Reporters)
            .Include(t => t.Grid)
            .AsSplitQuery()
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <param name="said">The place the message names, if any: a ticket at another building or road is not the one meant.</param>
    /// <param name="openOnly">Urging or withdrawing needs open work; a progress question may be about finished work too.</param>
    public static TicketChoice Choose(IReadOnlyList<Ticket> mine, string topic, PlaceDetail? said, bool openOnly)
    {
        if (mine.Count == 0)
        {
            return new TicketChoice.None(false);
        }

        var open = mine.Where(t => TicketLifecycle.IsOpen(t.Status)).ToList();
        var pools = openOnly ? [open] : new[] { open, mine.Where(t => !TicketLifecycle.IsOpen(t.Status)).ToList() };
        if (topic.Length == 0)
        {
            // "怎么还没人来" names nothing: with one open ticket it is that one; urging or withdrawing one of several
            // by guess could touch the wrong work, so the person picks. A progress question answers the latest.
            if (openOnly && open.Count > 1)
            {
                return new TicketChoice.Several(open.Take(5).ToList());
            }

            return pools.FirstOrDefault(p => p.Count > 0) is { } pool ? new TicketChoice.One(pool[0]) : new TicketChoice.None(true);
        }

        foreach (var pool in pools)
        {
            var scored = pool.Where(t => !Elsewhere(said, t.PlaceDetail)).Select(t => (Ticket: t, Score: Score(topic, t))).Where(s => s.Score > 0).ToList();
            if (scored.Count == 0)
            {
                continue;
            }

            var best = scored.Max(s => s.Score);
            var top = scored.Where(s => s.Score == best).Select(s => s.Ticket).ToList();
            return top.Count == 1 ? new TicketChoice.One(top[0]) : new TicketChoice.Several(top.Take(5).ToList());
        }

        return new TicketChoice.None(true);
    }

    /// <summary>
    /// "2栋门口又堆垃圾了 咋还没人管" from someone whose open ticket is a lamp at 10栋门口 shares "门口" with it, yet names
    /// another building: a new problem said impatiently, not an urge on the lamp.
    /// </summary>
    private static bool Elsewhere(PlaceDetail? said, PlaceDetail ticket) => PlaceMatch.OtherBuilding(said, ticket);

    /// <summary>Shared character pairs between the words and the ticket ("井盖" in "7号楼门口井盖丢了"); one character counts alone.</summary>
    internal static int Score(string topic, Ticket ticket)
    {
        var haystack = ticket.Description + " " + ticket.Place + " " + ticket.Category;
        if (topic.Length == 1)
        {
            return haystack.Contains(topic[0]) ? 1 : 0;
        }

        var score = 0;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < topic.Length; i++)
        {
            var pair = topic.Substring(i, 2);
            if (seen.Add(pair) && haystack.Contains(pair, StringComparison.Ordinal))
            {
                score++;
            }
        }

        return score;
    }
}
