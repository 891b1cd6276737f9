using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.StaffConsole;

/// <summary>
/// One page of the board. Paging fetches one row more than a page instead of counting: a count over a district's
/// million tickets costs more than the page itself, and "next page" is all the board needs.
/// </summary>
public sealed class BoardQuery(GridBotDbContext db, TimeProvider time)
{
    public async Task<BoardPage?> RunAsync(GridScope scope, BoardFilter filter, CancellationToken cancellationToken)
    {
        var shown = scope;
        if (filter.Grid is not null)
        {
            var path = await db.Grids.AsNoTracking().Where(g => g.Code == filter.Grid).Select(g => g.Path).FirstOrDefaultAsync(cancellationToken);
            if (path is null || !scope.Contains(path))
            {
                return null;
            }

            shown = new GridScope(filter.Grid, path);
        }

        var tickets = db.Tickets.AsNoTracking().InScope(shown);

        if (filter.Status is { } status)
        {
            tickets = tickets.Where(t => t.Status == status);
        }

        if (filter.Category is { } category)
        {
            tickets = tickets.Where(t => t.Category == category);
        }

        if (filter.AppealType is { } appealType)
        {
            tickets = tickets.Where(t => t.AppealType == appealType);
        }

        if (filter.Urgency is { } urgency)
        {
            tickets = tickets.Where(t => t.Urgency == urgency);
        }

        var now = time.GetUtcNow().UtcDateTime;
        if (filter.Overdue)
        {
            tickets = tickets.Where(t => t.ResolvedUtc == null && t.DeadlineUtc < now && t.Status != TicketStatus.Closed && t.Status != TicketStatus.Rejected && t.Status != TicketStatus.Withdrawn);
        }

        if (filter.Text is { } text)
        {
            var like = "%" + text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_") + "%";
            tickets = tickets.Where(t => EF.Functions.Like(t.Number, like, "\\") || EF.Functions.Like(t.Description, like, "\\") || EF.Functions.Like(t.Place!, like, "\\"));
        }

        tickets = filter.Sort switch
        {
            BoardSort.Oldest => tickets.OrderBy(t => t.Id),
            // Work on the clock by deadline; questions and suggestions (no deadline) after it.
            BoardSort.Deadline => tickets.OrderBy(t => t.DeadlineUtc == null).ThenBy(t => t.DeadlineUtc).ThenBy(t => t.Id),
            BoardSort.Updated => tickets.OrderByDescending(t => t.UpdatedUtc).ThenByDescending(t => t.Id),
            _ => tickets.OrderByDescending(t => t.Id),
        };

        var rows = await tickets.Skip((filter.Page - 1) * BoardFilter.PageSize).Take(BoardFilter.PageSize + 1)
            .Select(t => new BoardRow(t.Number, t.Category, t.AppealType, t.Urgency, t.Status, t.Grid!.Name, t.Description, t.Place, t.CreatedUtc, t.DeadlineUtc, t.ResolvedUtc, t.OwnerName, t.UrgeCount, t.RaisedToLeaderUtc != null))
            .ToListAsync(cancellationToken);
        return new BoardPage(rows.Take(BoardFilter.PageSize).ToList(), rows.Count > BoardFilter.PageSize, now);
    }
}

public sealed record BoardRow(
    string Number,
    string Category,
    AppealType AppealType,
    TicketUrgency Urgency,
    TicketStatus Status,
    string GridName,
    string Description,
    string? Place,
    DateTime CreatedUtc,
    DateTime? DeadlineUtc,
    DateTime? ResolvedUtc,
    string? OwnerName,
    int UrgeCount,
    bool RaisedToLeader)
{
    public bool IsOverdue(DateTime nowUtc) =>
        ResolvedUtc is null && DeadlineUtc < nowUtc && TicketLifecycle.IsOpen(Status);
}

public sealed record BoardPage(IReadOnlyList<BoardRow> Rows, bool HasNext, DateTime NowUtc);
