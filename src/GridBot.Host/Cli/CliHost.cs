using GridBot.Store;

namespace GridBot.Host.Cli;

/// <summary>A host with the bot's configuration and store but no web server, for command-line verbs.</summary>
internal static class CliHost
{
    public static IHost Build(string[] settings, Action<IServiceCollection> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = settings, ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Warning);
        builder.AddGridBotStore();
        configure(builder.Services);
        return builder.Build();
    }
}
