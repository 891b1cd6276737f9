using System.Net;
using System.Net.Sockets;
using GridBot.Host.Tests.Cli;

namespace GridBot.Host.Tests.Deployment;

/// <summary>The real GridBot.Host.dll started as an operator would, with a broken setting, a taken port, a mistyped verb.</summary>
public sealed class StartupErrorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gridbot-start-").FullName;

    [Fact]
    public async Task AShortApiTokenStopsTheStartWithOneLineNamingTheKey()
    {
        var run = await RunAsync(["--Api:Tokens:0=short", .. FreshDatabase(), "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("配置有误 / invalid setting", line);
        Assert.Contains("Api:Tokens", line);
        Assert.DoesNotContain("   at ", run.Output + run.Errors);
    }

    [Fact]
    public async Task APortInUseStopsTheStartWithOneLineAndTheFix()
    {
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var run = await RunAsync([.. FreshDatabase(), "--urls", $"http://127.0.0.1:{port}", "--Demo:Enabled=false"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.ErrorLines);
        Assert.Contains("端口已被占用 / port in use", line);
        Assert.Contains("--urls", line);
        Assert.DoesNotContain("   at ", run.Output + run.Errors);
    }

    [Fact]
    public async Task AMistypedVerbIsAnErrorWithTheClosestVerbNotASilentStart()
    {
        var run = await RunAsync(["calender", "import-notice", "x.txt"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("“calender”您是不是要输入：calendar？", run.Errors);
        Assert.Contains("用 --help 查看用法。", run.Errors);
        Assert.DoesNotContain("Did you mean", run.Errors, StringComparison.Ordinal);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task TheNoticeBecomesAYearFileAndAnUnreadableOneWritesNothing()
    {
        var notice = Path.Combine(AppContext.BaseDirectory, "Cli", "notice-2026.txt");
        var good = await RunAsync(["calendar", "import-notice", notice, "--out", folder]);

        Assert.Equal(0, good.ExitCode);
        Assert.Contains("2026-10-10   六    调休上班  国庆节", good.Output);
        Assert.True(File.Exists(Path.Combine(folder, "2026.json")));

        var broken = Path.Combine(folder, "broken.txt");
        await File.WriteAllTextAsync(broken, (await File.ReadAllTextAsync(notice)).Replace("2026年", "2027年"));
        var bad = await RunAsync(["calendar", "import-notice", broken, "--out", Path.Combine(folder, "out")]);

        Assert.Equal(1, bad.ExitCode);
        Assert.Contains("无法读懂通知中的这一句", bad.Errors);
        Assert.False(Directory.Exists(Path.Combine(folder, "out")));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string[] FreshDatabase() =>
        [$"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}"];

    private static Task<HostProcess.Run> RunAsync(string[] args) => HostProcess.RunAsync(args);
}
