using GridBot.Host.Import;
using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>
/// Command-line verbs over the same features as the bot. They use the bot's configuration (appsettings,
/// environment, --Key=value) and database, without starting the web server.
/// </summary>
public static class CliCommands
{
    private const string Usage = """
        用法 / usage:
          dotnet run --project src/GridBot.Host -- import FILE [FILE...]   导入网格、群、人员（JSON / CSV / XLSX）
          dotnet run --project src/GridBot.Host -- digest --scope <编码> [--period daily|weekly] [--date 2026-11-23]   社区/街道简报（JSON）
          dotnet run --project src/GridBot.Host -- schedule list [--from "2026-09-30 12:00"] [--count N] [--grid <编码>]   预览各网格接下来的提醒时间
        其余参数按 .NET 配置传入，如 --ConnectionStrings:GridBot="Data Source=data/gridbot.db"
        """;

    public static bool IsCommand(string[] args) => args.Length > 0 && args[0] is "import" or "digest" or "schedule" or "help" or "--help" or "-h";

    public static async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        switch (args[0])
        {
            case "digest":
                return await DigestVerb.RunAsync(args.Skip(1), cancellationToken);
            case "schedule":
                return await ScheduleVerb.RunAsync(args.Skip(1), cancellationToken);
        }

        if (args[0] != "import")
        {
            Console.WriteLine(Usage);
            return 0;
        }

        var files = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToList();
        if (files.Count == 0)
        {
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var settings = args.Skip(1 + files.Count).ToArray();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.AddGridBotStore();
        builder.Services.AddScoped<GridDataImporter>();
        using var host = builder.Build();
        // Starting runs the migrator (the only hosted service here), so a fresh database gets its schema first.
        await host.StartAsync(cancellationToken);
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync(files, cancellationToken);
        Console.WriteLine(report.Describe());
        await host.StopAsync(cancellationToken);
        return report.Succeeded ? 0 : 1;
    }
}
