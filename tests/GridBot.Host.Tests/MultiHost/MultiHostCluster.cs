using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;

namespace GridBot.Host.Tests.MultiHost;

/// <summary>
/// Two GridBot hosts (child processes on two ports) on one PostgreSQL database and one Redis, in front of one fake
/// WeCom server, with 500 WeCom groups bound over 20 robots and one group for the AI bot. Shared by the multi-host
/// tests; a test that kills a host gets it back from <see cref="BothRunningAsync"/> in the next test.
/// </summary>
public sealed class MultiHostCluster : IAsyncLifetime
{
    public const int Chats = 500;
    public const int Robots = 20;
    public const int Parallelism = 8;
    public const string Grid = "DEMO-S01-C01-G01";
    public const string AiBotGroup = "wrkMultiHostAi";
    public static readonly TimeSpan RobotWindow = TimeSpan.FromSeconds(3);
    public static readonly TimeSpan ChaseInterval = TimeSpan.FromSeconds(10);

    private string[] _settings = [];

    internal WeCom.FakeWeCom Fake { get; private set; } = null!;

    internal HostProcess A { get; private set; } = null!;

    internal HostProcess B { get; private set; } = null!;


    public string Database { get; private set; } = "";

    public static string ChatId(int i) => $"wrkFan{i:000}";

    public const string ApiToken = "multihost-token-0123456789abcdef";

    public static string RobotKey(int i) => $"fan-robot-{i % Robots:00}";

    public async Task InitializeAsync()
    {
        // Three .NET processes start here (host, import, host) on a 2-core machine shared with the rest of the suite:
        // bounded, but more generously than one test.
        using var bound = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var ct = bound.Token;
        Database = await TestPostgres.CreateDatabaseAsync(ct);
        Fake = await WeCom.FakeWeCom.StartAsync(ct, $"--FakeWeCom:WebhookWindow={RobotWindow}", "--FakeWeCom:LatencyMs=20");
        _settings =
        [
            "--Database:Provider=PostgreSql", $"--ConnectionStrings:GridBot={Database}",
            "--Deployment:Mode=Multi", $"--Redis:Configuration={TestRedis.Configuration}", $"--Redis:KeyPrefix={TestRedis.NewPrefix()}",
            Fake.ApiBaseSetting, .. WeComSimulator.Settings(),
            "--Classifier:Enabled=false", $"--Api:Tokens:0={ApiToken}", "--Demo:History=false",
            "--Outbox:PollInterval=00:00:00.100", "--Outbox:ClaimLease=00:00:08", "--Outbox:BatchSize=25", $"--Outbox:Parallelism={Parallelism}",
            $"--WeCom:Webhook:Window={RobotWindow}", "--Outbox:FirstRetryDelay=00:00:00.100",
            $"--Schedules:ChaseInterval={ChaseInterval}",
            "--Logging:LogLevel:Default=Warning", "--Logging:LogLevel:GridBot.Host.Outbox=Debug",
        ];
        // One after the other: the first creates the schema (EF migrations, Quartz tables) and the demo grids.
        A = await HostProcess.StartAsync("A", _settings, ct);
        await ImportChatsAsync(ct);
        B = await HostProcess.StartAsync("B", _settings, ct);
    }

    /// <summary>Restarts a host an earlier test killed.</summary>
    internal async Task BothRunningAsync(CancellationToken cancellationToken)
    {
        if (A.HasExited)
        {
            await A.DisposeAsync();
            A = await HostProcess.StartAsync("A", _settings, cancellationToken);
        }

        if (B.HasExited)
        {
            await B.DisposeAsync();
            B = await HostProcess.StartAsync("B", _settings, cancellationToken);
        }
    }

    public async Task DisposeAsync()
    {
        // Null when the start failed half-way: stop what did start.
        if (A is not null)
        {
            await A.DisposeAsync();
        }

        if (B is not null)
        {
            await B.DisposeAsync();
        }

        if (Fake is not null)
        {
            await Fake.DisposeAsync();
        }

        if (Database.Length > 0)
        {
            await TestPostgres.DropDatabaseAsync(Database);
        }
    }

    /// <summary>Through the real `import` verb against the shared database, as staff would bind the groups.</summary>
    private async Task ImportChatsAsync(CancellationToken cancellationToken)
    {
        var chats = new JsonArray();
        for (var i = 0; i < Chats; i++)
        {
            chats.Add(new JsonObject { ["channel"] = "wecom", ["chatId"] = ChatId(i), ["grid"] = Grid, ["name"] = $"第一网格{i}群", ["webhookKey"] = RobotKey(i) });
        }

        chats.Add(new JsonObject { ["channel"] = "wecom", ["chatId"] = AiBotGroup, ["grid"] = Grid, ["name"] = "第一网格居民群", ["webhookKey"] = "ai-group-robot" });
        await HostImport.RunAsync(new JsonObject { ["chats"] = chats }, _settings, cancellationToken);
    }
}
