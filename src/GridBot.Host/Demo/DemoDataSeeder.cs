using GridBot.Host.Configuration;
using GridBot.Host.Import;
using GridBot.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Host.Demo;

/// <summary>
/// On an empty database (and Demo:Enabled), imports the demo grids shipped beside the binary through the same
/// importer staff use, so a newcomer can chat at once and the demo file doubles as an import example.
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

        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([DemoFile], cancellationToken);
        if (!report.Succeeded)
        {
            throw new InvalidOperationException("The demo data could not be imported: " + report.Describe());
        }

        LogSeeded(logger, report.Describe());
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo data loaded: {Summary}")]
    private static partial void LogSeeded(ILogger logger, string summary);
}
