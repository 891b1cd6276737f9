using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GridBot.Dialogs.Core;
using GridBot.Host;
using GridBot.Host.Import;
using GridBot.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GridBot.Host.Tests.Infrastructure;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 with its own SQLite file and the demo grids: each test owns its data.
/// </summary>
public sealed class GridBotTestHost : IAsyncDisposable
{
    public const string ApiToken = "test-token-0123456789abcdef";

    private readonly WebApplication _app;
    private readonly string _folder;
    private readonly bool _ownsFolder;

    private GridBotTestHost(WebApplication app, string folder, bool ownsFolder, Uri address)
    {
        _app = app;
        _folder = folder;
        _ownsFolder = ownsFolder;
        Address = address;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    public string DatabasePath => Path.Combine(_folder, "gridbot.db");

    public IServiceProvider Services => _app.Services;

    public static Task<GridBotTestHost> StartAsync(CancellationToken cancellationToken, params string[] settings) =>
        StartAsync(null, null, cancellationToken, settings);

    /// <param name="time">The clock of the host and of its Quartz scheduler (a FakeTimeProvider), or null for real time.</param>
    /// <param name="folder">A folder to reuse (restart tests: the database and the Quartz store survive); the caller deletes it.</param>
    public static Task<GridBotTestHost> StartAsync(TimeProvider? time, string? folder, CancellationToken cancellationToken, params string[] settings) =>
        StartAsync(time, folder, configure: null, cancellationToken, settings);

    /// <param name="configure">Runs on the builder before the composition, e.g. to add a logging provider that records lines.</param>
    public static Task<GridBotTestHost> StartAsync(Action<IHostApplicationBuilder> configure, CancellationToken cancellationToken, params string[] settings) =>
        StartAsync(null, null, configure, cancellationToken, settings);

    /// <summary>The general form: a clock, a folder to reuse and a builder step, each optional.</summary>
    public static async Task<GridBotTestHost> StartAsync(TimeProvider? time, string? folder, Action<IHostApplicationBuilder>? configure, CancellationToken cancellationToken, string[] settings)
    {
        var owned = folder is null;
        folder ??= Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}",
            "--Demo:Enabled=true",
            // Each test owns its data: the demo's month of history would put other tickets, outbox rows and numbers
            // beside the ones a test counts. The demo history's own tests turn it on.
            "--Demo:History=false",
            $"--Api:Tokens:0={ApiToken}",
            "--Outbox:PollInterval=00:00:00.050",
            "--Logging:LogLevel:Default=Warning",
            // Schedules run on real time otherwise: a 17:30 tick in the middle of a run would add outbox rows to
            // tests that count them. Schedule tests turn them on with a fake clock.
            $"--Schedules:Enabled={time is not null}",
            .. settings,
        ];
        var app = GridBotApp.Build(args, builder =>
        {
            if (time is not null)
            {
                builder.Services.AddSingleton(time);
            }

            configure?.Invoke(builder);
        });
        await app.StartAsync(cancellationToken);
        return new GridBotTestHost(app, folder, owned, new Uri(app.Urls.First()));
    }

    public ChatScript Chat(string chatId) => new(this, chatId, isGroup: true);

    public ChatScript Private(string userId) => new(this, "private-" + userId, isGroup: false);

    public async Task<T> QueryAsync<T>(Func<GridBotDbContext, Task<T>> query)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    /// <summary>Imports <paramref name="data"/> (the JSON import's shape: grids, chats, members, knowledge) in this host's
    /// process, as an operator's import through the host would.</summary>
    public async Task<ImportReport> ImportAsync(JsonObject data, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, data.ToJsonString(), cancellationToken);
        try
        {
            await using var scope = _app.Services.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([file], cancellationToken);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Posts as the demo chat page does (channel demo, its own endpoint).</summary>
    public async Task<HttpResponseMessage> PostActivityAsync(Activity activity, CancellationToken cancellationToken) =>
        await Http.PostAsJsonAsync("/api/webchat/messages", activity, ActivityJson.Default.Activity, cancellationToken);

    /// <summary>Posts to the Bot Framework endpoint, with a channel's Bearer token when one is given.</summary>
    public async Task<HttpResponseMessage> PostBotFrameworkAsync(Activity activity, string? bearer, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/messages") { Content = JsonContent.Create(activity, ActivityJson.Default.Activity) };
        if (bearer is not null)
        {
            request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", bearer);
        }

        return await Http.SendAsync(request, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (!_ownsFolder)
        {
            return;
        }

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
