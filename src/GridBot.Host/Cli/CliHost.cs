using GridBot.Dialogs;
using GridBot.Dialogs.Reminders;
using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>The bot's store and features without the web server or Quartz, for verbs that read and print.</summary>
internal static class CliHost
{
    /// <param name="configure">More of the bot a verb needs (e.g. the WeCom clients), added before the host is built.</param>
    public static async Task<IHost> StartAsync(string[] settings, CancellationToken cancellationToken, Action<HostApplicationBuilder>? configure = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        // The verbs print results on stdout: keep the host's informational chatter (appsettings says Information) out of it.
        builder.Configuration["Logging:LogLevel:Default"] = "Warning";
        builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
        // Warnings (e.g. a migration's) go to stderr: stdout is the table or the --json a script reads.
        builder.Services.Configure<Microsoft.Extensions.Logging.Console.ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        builder.AddGridBotStore();
        builder.AddGridBotDialogs();
        builder.Services.AddReminders(builder.Configuration);
        configure?.Invoke(builder);
        var host = builder.Build();
        // Starting runs the migrator (the only hosted service here), so a fresh database gets its schema first.
        await host.StartAsync(cancellationToken);
        return host;
    }
}
