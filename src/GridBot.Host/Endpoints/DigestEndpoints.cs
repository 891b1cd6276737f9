using System.Globalization;
using GridBot.Dialogs.Digests;
using GridBot.Dialogs.Time;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Endpoints;

/// <summary>GET /api/digests?scope=&lt;code&gt;&amp;period=daily|weekly&amp;date=yyyy-MM-dd: the digest the staff chats get, as JSON.</summary>
public static class DigestEndpoints
{
    public static IEndpointRouteBuilder MapDigestEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGroup("/api/digests").AddEndpointFilter<BearerTokenFilter>().MapGet("/", GetAsync);
        return endpoints;
    }

    private static async Task<IResult> GetAsync(
        HttpContext http,
        GridBotDbContext db,
        DigestBuilder builder,
        ShanghaiTime clock,
        string? scope,
        string? period,
        string? date,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(scope))
        {
            return Problem("Missing scope", "Give the community or street code: ?scope=DEMO-S01-C01.", StatusCodes.Status400BadRequest);
        }

        if (!TryParsePeriod(period, out var parsedPeriod))
        {
            return Problem("Unknown period", $"'{period}' is not daily or weekly.", StatusCodes.Status400BadRequest);
        }

        var day = clock.Today;
        if (!string.IsNullOrEmpty(date) && !DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return Problem("Bad date", $"'{date}' is not a date like 2026-11-23.", StatusCodes.Status400BadRequest);
        }

        var allowed = await GridScope.ResolveAsync(db, BearerTokenFilter.ScopeOf(http), cancellationToken);
        var path = await db.Grids.Where(g => g.Code == scope).Select(g => g.Path).FirstOrDefaultAsync(cancellationToken);
        var report = path is not null && allowed is not null && allowed.Contains(path)
            ? await builder.BuildAsync(scope, parsedPeriod, day, cancellationToken)
            : null;
        return report is null
            ? Problem("Unknown scope", $"No grid with code '{scope}'.", StatusCodes.Status404NotFound)
            : TypedResults.Ok(report);
    }

    /// <summary>Daily when absent; also used by the digest command line verb.</summary>
    public static bool TryParsePeriod(string? text, out DigestPeriod period)
    {
        period = DigestPeriod.Daily;
        return string.IsNullOrEmpty(text) || Enum.TryParse(text, ignoreCase: true, out period) && Enum.IsDefined(period);
    }

    private static IResult Problem(string title, string detail, int status) => Results.Problem(title: title, detail: detail, statusCode: status);
}
