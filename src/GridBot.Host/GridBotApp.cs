using GridBot.Dialogs;
using GridBot.Store;

namespace GridBot.Host;

/// <summary>The composition of the bot, shared by Program and by tests that start the real host on 127.0.0.1.</summary>
public static class GridBotApp
{
    /// <param name="args">Command-line settings.</param>
    /// <param name="configure">Runs before the composition: tests put a fake clock (TimeProvider) in here, which the
    /// TryAdd registrations then leave alone and Quartz picks up as its own clock.</param>
    public static WebApplication Build(string[] args, Action<IHostApplicationBuilder>? configure = null)
    {
        // Settings, the taxonomy and the demo data ship beside the binary: the host finds them wherever it is started from.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        configure?.Invoke(builder);
        builder.AddGridBotStore();
        builder.AddGridBotDialogs();
        builder.AddGridBotHost();

        var app = builder.Build();
        // Turns a refused database write into a 503 the sender retries (Storage/StorageUnavailableHandler).
        app.UseExceptionHandler();
        app.MapGridBotEndpoints();
        return app;
    }
}
