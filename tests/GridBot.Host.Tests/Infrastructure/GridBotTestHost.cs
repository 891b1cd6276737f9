using System.Net.Http.Json;
using GridBot.Dialogs.Core;
using GridBot.Host;
using GridBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with its own SQLite file and the demo grids: each test owns its data.
/// </summary>
public sealed class GridBotTestHost : IAsyncDisposable
{
    public const string ApiToken = "test-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly string _folder;

    private GridBotTestHost(WebApplication app, string folder, Uri address)
    {
        _app = app;
        _folder = folder;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string DatabasePath => Path.Combine(_folder, "gridbot.db");

    public IServiceProvider Services => _app.Services;

    public static async Task<GridBotTestHost> StartAsync(CancellationToken cancellationToken, params string[] settings)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}",
            "--Demo:Enabled=true",
            $"--Api:Tokens:0={ApiToken}",
            "--Outbox:PollInterval=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
            .. settings,
        ];
        var app = GridBotApp.Build(args);
        await app.StartAsync(cancellationToken);
        return new GridBotTestHost(app, folder, new Uri(app.Urls.First()));
    }

    public ChatScript Chat(string chatId) => new(this, chatId, isGroup: true);

    public ChatScript Private(string userId) => new(this, "private-" + userId, isGroup: false);

    public async Task<T> QueryAsync<T>(Func<GridBotDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        await Http.PostAsJsonAsync("/api/messages", activity, ActivityJson.Default.Activity, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp folder is cleaned by the OS later.
        }
    }
}
