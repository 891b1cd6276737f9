using GridBot.Dialogs.Time;
using GridBot.Host.Endpoints;
using GridBot.Host.StaffConsole;
using GridBot.Store;

namespace GridBot.Host.Ledgers;

/// <summary>
/// GET /api/ledgers/tickets.xlsx?scope=&amp;from=&amp;to= with a staff bearer token, and the same file for a console
/// session at /console/ledger.xlsx. The scope must lie inside the token's or session's own scope.
/// </summary>
public static class LedgerEndpoints
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static IEndpointRouteBuilder MapLedgerEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/ledgers/tickets.xlsx", (HttpContext http, string? scope, string? from, string? to, GridBotDbContext db, TicketLedgerWriter writer, ShanghaiTime clock) =>
                ExportAsync(BearerTokenFilter.ScopeOf(http), scope, from, to, db, writer, clock, http.RequestAborted))
            .AddEndpointFilter<BearerTokenFilter>();
        return endpoints;
    }

    public static Task<IResult> ExportForConsoleAsync(HttpContext http, string? scope, string? from, string? to, GridBotDbContext db, TicketLedgerWriter writer, ShanghaiTime clock) =>
        ExportAsync(ConsoleRequest.Of(http).Session.ScopeCode, scope, from, to, db, writer, clock, http.RequestAborted);

    private static async Task<IResult> ExportAsync(
        string? allowedCode, string? scope, string? from, string? to, GridBotDbContext db, TicketLedgerWriter writer, ShanghaiTime clock, CancellationToken cancellationToken)
    {
        var allowed = await GridScope.ResolveAsync(db, allowedCode, cancellationToken);
        var wanted = string.IsNullOrEmpty(scope) ? allowed : await GridScope.ResolveAsync(db, scope, cancellationToken);
        if (allowed is null || wanted is null || !allowed.Contains(wanted.Path))
        {
            return Results.Problem(title: "Unknown scope", detail: $"No grid with code '{scope}'.", statusCode: StatusCodes.Status404NotFound);
        }

        if (LedgerRange.Parse(from, to, clock.Today) is not { } range)
        {
            return Results.Problem(title: "Bad period", detail: $"from/to must be dates like 2026-11-01, from ≤ to, at most {LedgerRange.MaxDays} days.", statusCode: StatusCodes.Status400BadRequest);
        }

        // The .xlsx zip package is written with seeks (System.IO.Packaging): a temporary file, deleted on close, not the response body.
        var file = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None, 81920, FileOptions.DeleteOnClose);
        try
        {
            await writer.WriteAsync(wanted, range, file, progress: null, cancellationToken);
            file.Position = 0;
        }
        catch
        {
            await file.DisposeAsync();
            throw;
        }

        return Results.Stream(file, ContentType, $"工单台账_{wanted.Code ?? "全部"}_{range}.xlsx");
    }
}
