using System.Text.Json;

namespace GridBot.Host.Tests.Cli;

/// <summary>The verbs through the same Program a person runs: help, usage errors, suggestions, --json shapes, exit codes.</summary>
public sealed class CliEntryPointTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("gridbot-cli-").FullName;

    private string Database => $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}";

    [Fact]
    public async Task The_root_and_every_verb_answer_help_in_Chinese()
    {
        var root = await HostProcess.RunAsync(["--help"]);
        var schedule = await HostProcess.RunAsync(["schedule", "list", "--help"]);
        var announce = await HostProcess.RunAsync(["announce", "--help"]);

        Assert.Equal(0, root.ExitCode);
        foreach (var verb in new[] { "import", "classifier", "digest", "schedule", "kf", "wecom", "ledger", "announce", "calendar", "doctor", "conversations" })
        {
            Assert.Contains("  " + verb + " ", root.Output);
        }

        Assert.Contains("退出码：0 完成，1 失败，2 命令行有误", root.Output);
        Assert.Equal(0, schedule.ExitCode);
        Assert.Contains("--from <时间>", schedule.Output);
        Assert.Contains("不带按北京时间", schedule.Output);
        Assert.Equal(0, announce.ExitCode);
        Assert.Contains("--require-ack", announce.Output);
        Assert.Contains("要求各群回复“收到”", announce.Output);
    }

    [Fact]
    public async Task A_time_no_reader_knows_is_a_usage_error_naming_the_option_and_the_forms()
    {
        var run = await HostProcess.RunAsync(["schedule", "list", "--from", "明天下午", Database]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--from 的时间“明天下午”无法识别", run.Errors);
        Assert.Contains("2026-11-24T09:00:00+08:00", run.Errors);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Wecom_doctor_json_says_the_long_connection_is_off_when_it_is_not_configured()
    {
        var run = await HostProcess.RunAsync(["wecom", "doctor", "--json", Database]);

        Assert.Equal(1, run.ExitCode);
        var result = JsonDocument.Parse(run.Output).RootElement;
        Assert.False(result.GetProperty("ok").GetBoolean());
        Assert.Contains("长连接未启用", result.GetProperty("findings")[0].GetString());
    }

    [Fact]
    public async Task A_mistyped_option_gets_the_closest_and_exit_code_2()
    {
        var run = await HostProcess.RunAsync(["schedule", "list", "--cuont", "3", Database]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("“--cuont”您是不是要输入：--count？", run.Errors);
        Assert.Contains("用 schedule list --help 查看用法。", run.Errors);
        Assert.Equal("", run.Output);
    }

    [Fact]
    public async Task Schedule_list_from_a_time_with_an_offset_starts_after_it_and_digest_json_has_the_grid_rows()
    {
        var grids = Path.Combine(AppContext.BaseDirectory, "Demo", "demo-grids.json");
        var import = await HostProcess.RunAsync(["import", grids, "--json", Database]);
        // 17:30 on 2026-09-30 is the day's meeting; 18:00+08:00 is after it, and 1 October starts the national holiday.
        var after = await HostProcess.RunAsync(["schedule", "list", "--from", "2026-09-30T18:00:00+08:00", "--count", "1", "--grid", "DEMO-S01-C01-G01", "--json", Database]);
        var before = await HostProcess.RunAsync(["schedule", "list", "--from", "2026-09-30T04:00:00Z", "--count", "1", "--grid", "DEMO-S01-C01-G01", "--json", Database]);
        var digest = await HostProcess.RunAsync(["digest", "--scope", "DEMO-S01-C01", "--date", "2026-11-23", "--json", Database]);
        var unknown = await HostProcess.RunAsync(["digest", "--scope", "NOPE", Database]);

        Assert.Equal(0, import.ExitCode);
        Assert.Equal(14, JsonDocument.Parse(import.Output).RootElement.GetProperty("grids").GetProperty("created").GetInt32());
        Assert.Equal(0, after.ExitCode);
        var firstAfter = JsonDocument.Parse(after.Output).RootElement.EnumerateArray().Select(f => f.GetProperty("fireUtc").GetDateTime()).Min();
        Assert.True(firstAfter > new DateTime(2026, 9, 30, 10, 0, 0, DateTimeKind.Utc), $"first fire {firstAfter:o} is before 18:00 Beijing");
        var firstBefore = JsonDocument.Parse(before.Output).RootElement.EnumerateArray().First();
        Assert.Equal("2026-09-30T17:30:00", firstBefore.GetProperty("localTime").GetString());
        Assert.Equal(0, digest.ExitCode);
        var rows = JsonDocument.Parse(digest.Output).RootElement.GetProperty("grids").EnumerateArray().ToList();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.StartsWith("DEMO-S01-C01-G", row.GetProperty("code").GetString(), StringComparison.Ordinal));
        Assert.All(rows, row => Assert.True(row.GetProperty("counts").TryGetProperty("open", out _)));
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("没有编码为 NOPE 的网格", unknown.Errors);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
