using GridBot.Host.Cli;
using GridBot.Host.Doctor;
using GridBot.Host.Tests.Infrastructure;

namespace GridBot.Host.Tests.Deployment;

/// <summary>`doctor` against a deployment that is right and one that is not, on real SQLite files.</summary>
public sealed class DoctorTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gridbot-doctor-").FullName;

    [Fact]
    public async Task A_good_deployment_passes_every_check_and_exits_zero()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        // Next year's file, as `calendar import-notice` would write it once the notice is out.
        var holidays = Directory.CreateDirectory(Path.Combine(folder, "holidays")).FullName;
        var year = TimeZoneInfo.ConvertTimeBySystemTimeZoneId(DateTime.UtcNow, "Asia/Shanghai").Year + 1;
        await File.WriteAllTextAsync(Path.Combine(holidays, $"{year}.json"), $$"""{"year": {{year}}, "papers": [], "days": []}""", ct);
        string[] settings =
        [
            $"--ConnectionStrings:GridBot=Data Source={host.DatabasePath}", "--Demo:Enabled=false",
            $"--Api:Tokens:0={GridBotTestHost.ApiToken}", $"--WorkingCalendar:HolidayDataFolder={holidays}",
        ];

        var checks = await DeploymentDoctor.ExamineAsync(settings, ct);

        Assert.All(checks, c => Assert.True(c.Outcome != DoctorOutcome.Failed, $"{c.Name}: {c.Detail}"));
        Assert.Contains(checks, c => c.Name.StartsWith("网格", StringComparison.Ordinal) && c.Outcome == DoctorOutcome.Passed && c.Detail.Contains("8 个网格"));
        Assert.Contains(checks, c => c.Name == "Redis" && c.Outcome == DoctorOutcome.NotUsed);
        Assert.Contains(checks, c => c.Name.StartsWith("分类模型", StringComparison.Ordinal) && c.Outcome == DoctorOutcome.Passed);
        Assert.Equal(0, await CliCommands.RunAsync(["doctor", .. settings], ct));
    }

    [Fact]
    public async Task A_broken_deployment_names_each_failure_with_its_fix_and_exits_one()
    {
        var ct = TestTimeout.Token;
        // A database folder that does not exist, no tokens, no holiday file for next year.
        string[] settings = [$"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "missing", "gridbot.db")}", "--Classifier:Enabled=false"];

        var checks = await DeploymentDoctor.ExamineAsync(settings, ct);

        var database = Assert.Single(checks, c => c.Name.StartsWith("数据库", StringComparison.Ordinal));
        Assert.Equal(DoctorOutcome.Failed, database.Outcome);
        Assert.NotEmpty(database.Fix);
        var tokens = Assert.Single(checks, c => c.Name.StartsWith("令牌", StringComparison.Ordinal));
        Assert.Equal(DoctorOutcome.Failed, tokens.Outcome);
        Assert.Contains("Api:Tokens", tokens.Fix);
        Assert.DoesNotContain(checks, c => c.Name.StartsWith("网格", StringComparison.Ordinal)); // needs the database
        Assert.Equal(1, await CliCommands.RunAsync(["doctor", .. settings], ct));
    }

    [Fact]
    public async Task An_invalid_setting_is_the_only_line_and_the_rest_is_not_guessed()
    {
        var checks = await DeploymentDoctor.ExamineAsync(["--Api:Tokens:0=short"], TestTimeout.Token);

        var only = Assert.Single(checks);
        Assert.Equal(DoctorOutcome.Failed, only.Outcome);
        Assert.Contains("Api:Tokens:0", only.Detail);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
