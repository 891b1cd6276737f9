using GridBot.Host.Import;

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

        using var host = await CliHost.StartAsync(args.Skip(1 + files.Count).ToArray(), cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var importer = ActivatorUtilities.CreateInstance<GridDataImporter>(scope.ServiceProvider);
        var report = await importer.ImportAsync(files, cancellationToken);
        Console.WriteLine(report.Describe());
        await host.StopAsync(cancellationToken);
        return report.Succeeded ? 0 : 1;
    }
}
