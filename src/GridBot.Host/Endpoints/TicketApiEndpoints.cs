using GridBot.Dialogs.Privacy;
using GridBot.Dialogs.Tickets;
using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Tickets;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Endpoints;

/// <summary>Read API for staff: tickets by grid subtree, status, category, appeal type and time; phone numbers always masked.</summary>
public static class TicketApiEndpoints
{
    private const int MaxPage = 500;

    public static IEndpointRouteBuilder MapTicketApiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/api/tickets").AddEndpointFilter<BearerTokenFilter>();
        group.MapGet("/", ListAsync);
        group.MapGet("/{number}", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> ListAsync(
        HttpContext http,
        GridBotDbContext db,
        string? grid,
        string? status,
        string? category,
        string? appealType,
        string? since,
        int? limit,
        CancellationToken cancellationToken)
    {
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        var shown = scope;
        if (!string.IsNullOrEmpty(grid))
        {
            var path = await db.Grids.Where(g => g.Code == grid).Select(g => g.Path).FirstOrDefaultAsync(cancellationToken);
            shown = path is null ? null : new GridScope(grid, path);
        }

        // A grid outside the token's scope is answered like an unknown one: the answer says nothing about it.
        if (shown is null || scope is null || !scope.Contains(shown.Path))
        {
            return Results.Problem(title: "Unknown grid", detail: $"No grid with code '{grid}'.", statusCode: StatusCodes.Status404NotFound);
        }

        var query = db.Tickets.AsNoTracking().InScope(shown);

        if (!string.IsNullOrEmpty(status))
        {
            if (TicketStatusNames.Parse(status) is not { } parsed)
            {
                return Results.Problem(title: "Unknown status", detail: $"'{status}' is not a ticket status.", statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(t => t.Status == parsed);
        }

        if (!string.IsNullOrEmpty(category))
        {
            query = query.Where(t => t.Category == category);
        }

        if (!string.IsNullOrEmpty(appealType))
        {
            if (AppealTypeNames.Parse(appealType) is not { } type)
            {
                return Results.Problem(title: "Unknown appeal type", detail: $"'{appealType}' is not one of complaint, help, consultation, suggestion, praise.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(t => t.AppealType == type);
        }

        if (!string.IsNullOrEmpty(since))
        {
            if (!TimeInput.TryParseUtc(since, TimeInput.Beijing, out var fromUtc))
            {
                return Results.Problem(title: "Bad since", detail: TimeInput.Refusal("since", since), statusCode: StatusCodes.Status400BadRequest);
            }

            query = query.Where(t => t.CreatedUtc >= fromUtc);
        }

        var take = Math.Clamp(limit ?? 100, 1, MaxPage);
        var tickets = await query.OrderByDescending(t => t.Id).Take(take)
            .Include(t => t.Grid).Include(t => t.Reporters)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return Results.Ok(tickets.Select(t => TicketDto.From(t, null)).ToList());
    }

    private static async Task<IResult> GetAsync(string number, HttpContext http, GridBotDbContext db, CancellationToken cancellationToken)
    {
        var scope = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        var ticket = await db.Tickets.AsNoTracking()
            .Include(t => t.Grid).Include(t => t.Reporters).Include(t => t.Attachments).Include(t => t.Events)
            .AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number.ToUpperInvariant(), cancellationToken);
        return ticket is null || scope is null || !scope.Contains(ticket.Grid!.Path)
            ? Results.Problem(title: "Not found", detail: $"No ticket '{number}'.", statusCode: StatusCodes.Status404NotFound)
            : Results.Ok(TicketDto.From(ticket, ticket.Events.OrderBy(e => e.Id).ToList()));
    }
}
