using GridBot.Dialogs.Calendar;
using GridBot.Store;

namespace GridBot.Host.Endpoints;

/// <summary>/healthz: the database answers, and the working-day calendar covers this year (and next, from December).</summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync);
        return endpoints;
    }

    private static async Task<IResult> CheckAsync(GridBotDbContext db, ChinaWorkingCalendar calendar, TimeProvider time, CancellationToken cancellationToken)
    {
        var database = await db.Database.CanConnectAsync(cancellationToken);
        var coverage = calendar.CheckCoverage(time);
        var status = !database ? "unhealthy" : coverage.IsHealthy ? "healthy" : "degraded";
        return Results.Json(
            new { status, database, calendar = new { level = coverage.Level.ToString(), coverage.Message } },
            statusCode: database ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }
}
