using GridBot.Dialogs.Identity;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Tickets;

/// <summary>
/// A new report is the same problem as an open ticket of the same grid, category and appeal type, reported within the window,
/// when the places overlap and the words are alike — or, where a place is missing, when the words are very alike.
/// Two different places never merge. An urgent report is only ever the same emergency as an open urgent ticket
/// (<see cref="FindEmergencyAsync"/>): every other one is an alarm of its own.
/// </summary>
public sealed class DuplicateFinder(GridBotDbContext db, KeywordTicketUnderstander rules, IOptions<TicketOptions> options)
{
    private const double SimilarWithPlace = 0.2;
    private const double SimilarWithoutPlace = 0.5;
    private static readonly TicketStatus[] OpenStatuses = Enum.GetValues<TicketStatus>().Where(TicketLifecycle.IsOpen).ToArray();

    // The reads below run on every report (bench `peer`): compiled once, so a turn does not build, hash and look up
    // their expression trees again (EF's query preparation was a sixth of a turn's thread-pool CPU in its profile).
    private static readonly Func<GridBotDbContext, int, string, AppealType, DateTime, IAsyncEnumerable<Candidate>> Candidates =
        EF.CompileAsyncQuery((GridBotDbContext db, int gridId, string category, AppealType appealType, DateTime since) =>
            db.Tickets.AsNoTracking()
                .Where(t => t.GridId == gridId && t.Category == category && t.AppealType == appealType && OpenStatuses.Contains(t.Status) && t.CreatedUtc >= since)
                .OrderByDescending(t => t.Id).Take(50)
                .Select(t => new Candidate(t.Id, t.Description, t.Place)));

    // One query (one round trip in the turn): a ticket's reporters are few rows, each carrying the grid's columns.
    private static readonly Func<GridBotDbContext, int, CancellationToken, Task<Ticket>> MergeTarget =
        EF.CompileAsyncQuery((GridBotDbContext db, int id, CancellationToken _) =>
            db.Tickets.Include(t => t.Reporters).Include(t => t.Grid).AsSingleQuery().First(t => t.Id == id));

    private static readonly Func<GridBotDbContext, string, string, DateTime, CancellationToken, Task<bool>> ReportedSince =
        EF.CompileAsyncQuery((GridBotDbContext db, string channel, string userId, DateTime since, CancellationToken _) =>
            db.TicketReporters.Any(r => r.Channel == channel && r.UserId == userId && r.AddedUtc >= since));

    private static readonly Func<GridBotDbContext, int, bool, string, string, DateTime, IAsyncEnumerable<Ticket>> OpenEmergencies =
        EF.CompileAsyncQuery((GridBotDbContext db, int gridId, bool urgent, string channel, string userId, DateTime since) =>
            db.Tickets
                .Where(t => t.GridId == gridId && t.Urgency == TicketUrgency.Urgent && OpenStatuses.Contains(t.Status) && t.CreatedUtc >= since)
                // A report that names no danger can only be the speaker's own emergency said again.
                .Where(t => urgent || t.Reporters.Any(r => r.Channel == channel && r.UserId == userId))
                .OrderByDescending(t => t.Id).Take(20)
                .Include(t => t.Reporters).Include(t => t.Grid)
                .AsSplitQuery());

    public async Task<Ticket?> FindAsync(int gridId, TicketDraft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var window = options.Value.DuplicateWindowHours;
        if (window == 0)
        {
            return null;
        }

        var since = nowUtc.AddHours(-window);
        // Compare on a light projection; only the winner is loaded whole (with its reporters) to be merged into.
        var candidates = await Candidates(db, gridId, draft.Category, draft.AppealType, since).ToListAsync(cancellationToken);
        var best = candidates
            .Select(c => (c.Id, Score: Score(draft, c)))
            .Where(c => c.Score > 0)
            .OrderByDescending(c => c.Score)
            .FirstOrDefault();
        return best.Score > 0 ? await MergeTarget(db, best.Id, cancellationToken) : null;
    }

    /// <summary>
    /// The open urgent ticket of the last <see cref="TicketOptions.UrgentRepeatMinutes"/> this report says again: the
    /// speaker's own, when it names no other kind of danger and no other building, unit or road (worded without any
    /// danger word, "电梯还卡着", it must share words with it beyond the place); or a neighbour's, when both name the same
    /// kind of danger at the same spot. Their own comes first, then the latest.
    /// </summary>
    public async Task<Ticket?> FindEmergencyAsync(TurnIdentity speaker, TicketDraft draft, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var window = options.Value.UrgentRepeatWindow;
        if (window == TimeSpan.Zero)
        {
            return null;
        }

        var since = nowUtc - window;
        var (channel, userId) = (speaker.Channel, speaker.UserId);
        var urgent = draft.Urgency == TicketUrgency.Urgent;
        // Most reports name no danger and come from someone with no report in the window: one indexed look at the
        // reporters (Channel, UserId) spares them the tickets' query below, the dearest read of a turn (bench `peer`).
        if (!urgent && !await ReportedSince(db, channel, userId, since, cancellationToken))
        {
            return null;
        }

        var open = await OpenEmergencies(db, speaker.Grid.Id, urgent, channel, userId, since).ToListAsync(cancellationToken);
        var dangers = rules.Dangers(draft.Description);
        var place = PlaceParser.Parse(draft.Place);
        return open
            .Select(t => (Ticket: t, Own: t.Reporters.Any(r => r.Channel == channel && r.UserId == userId)))
            .Where(c => SameEmergency(draft, dangers, place, c.Ticket, c.Own))
            .OrderByDescending(c => c.Own).ThenByDescending(c => c.Ticket.Id)
            .Select(c => c.Ticket)
            .FirstOrDefault();
    }

    private bool SameEmergency(TicketDraft draft, IReadOnlySet<string> dangers, PlaceDetail? place, Ticket ticket, bool own)
    {
        var told = rules.Dangers(ticket);
        if ((dangers.Count > 0 && told.Count > 0 && !dangers.Overlaps(told)) || PlaceMatch.OtherUnit(place, ticket.PlaceDetail))
        {
            return false;
        }

        if (!own)
        {
            return dangers.Overlaps(told) && PlaceMatch.SameSpot(draft.Place, ticket.Place);
        }

        return draft.Urgency == TicketUrgency.Urgent
            || TextSimilarity.Dice(Without(draft.Description, draft.Place), Without(ticket.Description, ticket.Place)) > 0;
    }

    /// <summary>The words besides the place: "3号楼门口垃圾没人收" and "3号楼电梯困人了" share a building, not a problem.</summary>
    private static string Without(string text, string? place) =>
        place is { Length: > 0 } ? text.Replace(place, " ", StringComparison.Ordinal) : text;

    private double Score(TicketDraft draft, Candidate ticket)
    {
        // Alike in what they meant: "5栋电题又坏了" and "5栋电梯是又停了" share the lift, not only the building.
        var similarity = TextSimilarity.Dice(rules.Respell(draft.Description), rules.Respell(ticket.Description));
        if (draft.Place is not null && ticket.Place is not null)
        {
            return PlaceMatch.Overlap(draft.Place, ticket.Place) && similarity >= SimilarWithPlace ? similarity + 1 : 0;
        }

        return similarity >= SimilarWithoutPlace ? similarity : 0;
    }

    private sealed record Candidate(int Id, string Description, string? Place);
}
