using GridBot.Host.Configuration;
using GridBot.Host.Import;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Demo;

/// <summary>
/// On an empty database (and Demo:Enabled), imports the demo grids shipped beside the binary through the same
/// importer staff use, so a newcomer can chat at once and the demo file doubles as an import example; then, unless
/// Demo:History is off, a month of their history (<see cref="DemoHistoryWriter"/>), so the console has something to show.
/// Only an empty database is seeded: a second start finds the grids and writes nothing.
/// </summary>
internal sealed partial class DemoDataSeeder(IServiceScopeFactory scopes, IOptions<DemoOptions> options, ILogger<DemoDataSeeder> logger) : IHostedService
{
    public static string DemoFile => Path.Combine(AppContext.BaseDirectory, "Demo", "demo-grids.json");

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        if (await db.Grids.AnyAsync(cancellationToken))
        {
            return;
        }

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([DemoFile], cancellationToken);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The demo data could not be imported: " + report.Describe());
        }

        var imported = watch.Elapsed;
        LogSeeded(logger, report.Describe(), (long)imported.TotalMilliseconds);
        if (options.Value.History)
        {
            var history = await scope.ServiceProvider.GetRequiredService<DemoHistoryWriter>().WriteAsync(cancellationToken);
            // The history runs at every fresh demo start: its cost is watched against the import it follows.
            LogHistoryCost(logger, history.Elapsed.TotalMilliseconds / Math.Max(1, imported.TotalMilliseconds));
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded in {ElapsedMs} ms: {Summary}")]
    private static partial void LogSeeded(ILogger logger, string summary, long elapsedMs);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo history took {Ratio:0.0}x the demo grid import")]
    private static partial void LogHistoryCost(ILogger logger, double ratio);
}
