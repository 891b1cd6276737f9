using System.Text.Json;
using GridBot.Host.Channels.WebChat;
using GridBot.Host.Import;
using GridBot.Store;
using GridBot.Store.Grids;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Conversations;

/// <summary>
/// The real host on 127.0.0.1 (Kestrel, a fresh SQLite file, the demo grids) that a corpus is replayed against, with
/// every scene's stage imported through the ordinary importer before the first message.
/// </summary>
internal sealed class SceneHost : IAsyncDisposable
{
    private readonly WebApplication app;
    private readonly string folder;

    private SceneHost(WebApplication app, string folder, SceneClock clock, string apiToken, IReadOnlyList<SceneStage> stages)
    {
        this.app = app;
        this.folder = folder;
        Clock = clock;
        Stages = stages;
        Http = new HttpClient { BaseAddress = new Uri(app.Urls.First()), Timeout = TimeSpan.FromSeconds(30) };
        Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", apiToken);
    }

    public SceneClock Clock { get; }

    public HttpClient Http { get; }

    public IReadOnlyList<SceneStage> Stages { get; }

    /// <param name="settings">More configuration (--Key=value), e.g. a setting a behaviour branch adds.</param>
    public static async Task<SceneHost> StartAsync(SceneCorpus corpus, IEnumerable<string> settings, CancellationToken cancellationToken)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-conversations", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var apiToken = "conversations-" + Guid.NewGuid().ToString("N");
        var clock = new SceneClock();
        string[] args =
        [
            "--urls=http://127.0.0.1:0",
            $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}",
            "--Database:Provider=Sqlite",
            "--Demo:Enabled=true",
            // A scene starts from the bare demo grids: history tickets would be merged with, or taken for, its reports.
            "--Demo:History=false",
            $"--Api:Tokens:0={apiToken}",
            "--Outbox:PollInterval=00:00:00.050",
            // Scheduled notices would run on the moved clock and talk into the scenes' groups: a scene is only its turns.
            "--Schedules:Enabled=false",
            "--Logging:LogLevel:Default=Warning",
            // The scoreboard (text or JSON) owns stdout.
            "--Logging:Console:LogToStandardErrorThreshold=Trace",
            .. settings,
        ];
        var app = GridBotApp.Build(args, builder => builder.Services.AddSingleton<TimeProvider>(clock));
        try
        {
            await app.StartAsync(cancellationToken);
            var stages = await StageAsync(app.Services, corpus, folder, cancellationToken);
            return new SceneHost(app, folder, clock, apiToken, stages);
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    public async Task<T> QueryAsync<T>(Func<GridBotDbContext, Task<T>> query)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<GridBotDbContext>());
    }

    private static async Task<IReadOnlyList<SceneStage>> StageAsync(IServiceProvider services, SceneCorpus corpus, string folder, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GridBotDbContext>();
        var grids = await db.Grids.AsNoTracking().ToDictionaryAsync(g => g.Code, StringComparer.Ordinal, cancellationToken);
        var chats = await db.Chats.AsNoTracking().Where(c => c.Channel == WebChatSender.ChannelName).ToListAsync(cancellationToken);
        var staff = await db.Members.AsNoTracking().Where(m => m.Channel == WebChatSender.ChannelName && m.Role != MemberRole.Resident).ToListAsync(cancellationToken);
        var codeOfId = grids.Values.ToDictionary(g => g.Id, g => g.Code);

        var stages = new List<SceneStage>();
        var import = new Dictionary<string, List<Dictionary<string, string?>>> { ["grids"] = [], ["chats"] = [], ["members"] = [] };
        for (var i = 0; i < corpus.Scenes.Count; i++)
        {
            var (file, scene) = corpus.Scenes[i];
            if (!grids.TryGetValue(scene.Grid, out var demo))
            {
                throw new SceneCorpusException($"{file}: scene '{scene.Id}' names grid '{scene.Grid}', which the demo data does not have.");
            }

            var chatName = chats.FirstOrDefault(c => c.GridId == demo.Id)?.Name ?? demo.Name + "群";
            var stage = new SceneStage(i + 1, scene, demo, chatName, staff.Where(m => m.GridId == demo.Id).ToList());
            stages.Add(stage);
            import["grids"].Add(new() { ["code"] = stage.GridCode, ["name"] = demo.Name, ["level"] = demo.Level.ToString(), ["parent"] = demo.ParentId is { } p ? codeOfId[p] : null });
            import["chats"].Add(new() { ["channel"] = WebChatSender.ChannelName, ["chatId"] = stage.GroupId, ["grid"] = stage.GridCode, ["name"] = chatName });
            foreach (var speaker in stage.Speakers)
            {
                import["members"].Add(new()
                {
                    ["channel"] = WebChatSender.ChannelName, ["userId"] = speaker.UserId, ["name"] = speaker.Name,
                    ["phone"] = speaker.Phone, ["grid"] = stage.GridCode, ["role"] = speaker.Role.ToString(),
                });
            }
        }

        var path = Path.Combine(folder, "scene-stages.json");
        await File.WriteAllTextAsync(path, JsonSerializer.Serialize(import), cancellationToken);
        var report = await scope.ServiceProvider.GetRequiredService<GridDataImporter>().ImportAsync([path], cancellationToken);
        return report.Succeeded ? stages : throw new SceneCorpusException("The scenes' grids could not be imported: " + report.Describe());
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await app.StopAsync(CancellationToken.None);
        await app.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a closing connection: the temp folder is cleaned by the OS later.
        }
    }
}
