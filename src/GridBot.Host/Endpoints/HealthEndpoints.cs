using GridBot.Dialogs.Calendar;
using GridBot.Host.Channels.WeCom.AiBot.LongConnection;
using GridBot.Store;
using Quartz;
using StackExchange.Redis;

namespace GridBot.Host.Endpoints;

/// <summary>
/// /healthz (liveness: the database answers; the working-day calendar covers this year, and next from December, else
/// "degraded") and /readyz (readiness for traffic: the database takes a write — "up", "down", or why not, e.g. "database
/// is full" —, Redis when configured, the Quartz scheduler running, and the calendar), each check named with its result
/// so an operator sees which part is down.
/// In long-connection mode /readyz also shows this host's side of the AI bot's connection and which host holds it (a
/// standby host is still ready).
/// </summary>
public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", CheckAsync);
        endpoints.MapGet("/readyz", ReadyAsync);
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

    private static async Task<IResult> ReadyAsync(
        GridBotDbContext db, ChinaWorkingCalendar calendar, TimeProvider time, ISchedulerFactory schedulers, IServiceProvider services, CancellationToken cancellationToken)
    {
        // A database that answers may still refuse writes (full, read-only, locked past the busy timeout), and then every
        // message would be refused with 503: readiness commits a probe write and names the reason it failed.
        var database = !await db.Database.CanConnectAsync(cancellationToken) ? "down"
            : await DatabaseWriteProbe.ProbeAsync(db, time.GetUtcNow().UtcDateTime, cancellationToken) ?? "up";
        var redis = await RedisAsync(services.GetService<IConnectionMultiplexer>());
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var quartz = await scheduler.GetStatus(cancellationToken) == SchedulerStatus.Running ? "up" : "down";
        var coverage = calendar.CheckCoverage(time);
        var ready = database == "up" && redis is "up" or "not configured" && quartz == "up";
        return Results.Json(
            new
            {
                status = !ready ? "not ready" : coverage.IsHealthy ? "ready" : "degraded",
                database,
                redis,
                quartz,
                calendar = new { level = coverage.Level.ToString(), coverage.Message },
                wecomAiBot = AiBotReadiness.Describe(services),
            },
            statusCode: ready ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<string> RedisAsync(IConnectionMultiplexer? redis)
    {
        if (redis is null)
        {
            return "not configured";
        }

        try
        {
            await redis.GetDatabase().PingAsync();
            return "up";
        }
        catch (RedisException)
        {
            return "down";
        }
    }
}
