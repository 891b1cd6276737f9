using GridBot.Host.Import;
using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>import FILE [FILE...]: the bot's own database and configuration, without the web server.</summary>
internal static class ImportVerb
{
    public const string Usage = "  dotnet run --project src/GridBot.Host -- import FILE [FILE...]   导入网格、群、人员（JSON / CSV / XLSX）";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var files = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        using var host = CliHost.Build(args.Skip(1 + files.Count).ToArray(), services => services.AddScoped<GridDataImporter>());
        // Starting runs the migrator (the only hosted service here), so a fresh database gets its schema first.
        await host.StartAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync(files, cancellationToken);
        Console.WriteLine(report.Describe());
        await host.StopAsync(cancellationToken);
        return report.Succeeded ? 0 : 1;
    }
}
