using GridBot.Host.Cli;
using GridBot.Host.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnounceCliTests
{
    [Fact]
    public async Task TheAnnounceVerbPreviewsSchedulesAndPublishesIntoTheBotsDatabase()
    {
        var ct = TestTimeout.Token;
        var folder = Directory.CreateTempSubdirectory("gridbot-announce-cli-").FullName;
        var database = $"--ConnectionStrings:GridBot=Data Source={Path.Combine(folder, "gridbot.db")}";
        var body = Path.Combine(folder, "notice.md");
        await File.WriteAllTextAsync(body, "请勿在楼道堆放杂物，电动车不得入户充电。", ct);
        try
        {
            Assert.Equal(0, await CliCommands.RunAsync(["import", Path.Combine(AppContext.BaseDirectory, "Demo", "demo-grids.json"), database], ct));
            string[] common = ["announce", "--targets", "DEMO-S01-C01", "--title", "冬季防火安全提示", "--body-file", body];

            var preview = await CliCommands.RunAsync([.. common, "--dry-run", database], ct);
            var afterPreview = await CountAsync(folder, "SELECT COUNT(*) FROM Announcements", ct);
            var scheduled = await CliCommands.RunAsync([.. common, "--at", "2099-01-01 09:00", database], ct);
            var published = await CliCommands.RunAsync([.. common, "--require-ack", "--no-wait", database], ct);
            var unknown = await CliCommands.RunAsync(["announce", "--targets", "NOPE", "--title", "标题", "--body-file", body, database], ct);

            Assert.Equal(0, preview);
            Assert.Equal(0, afterPreview);
            Assert.Equal(0, scheduled);
            Assert.Equal(0, published);
            Assert.Equal(1, unknown);
            Assert.Equal(1, await CountAsync(folder, "SELECT COUNT(*) FROM Announcements WHERE PublishedUtc IS NULL AND ScheduledUtc IS NOT NULL", ct));
            Assert.Equal(1, await CountAsync(folder, "SELECT COUNT(*) FROM Announcements WHERE PublishedUtc IS NOT NULL AND RequireAck = 1", ct));
            Assert.Equal(6, await CountAsync(folder, "SELECT COUNT(*) FROM Outbox WHERE Text LIKE '【公告 2】冬季防火安全提示%'", ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task WithoutNoWaitTheAnnounceVerbReturnsOnceTheRunningBotHasSentEveryPart()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct);
        var body = Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N") + ".md");
        await File.WriteAllTextAsync(body, "本周六上午9点在社区广场开展消防演练。", ct);
        try
        {
            var code = await CliCommands.RunAsync(
                ["announce", "--targets", "DEMO-S01-C01", "--title", "消防演练通知", "--body-file", body,
                 $"--ConnectionStrings:GridBot=Data Source={host.DatabasePath}", "--Demo:Enabled=false", "--Classifier:Enabled=false"], ct);

            Assert.Equal(0, code);
            await using var connection = new SqliteConnection($"Data Source={host.DatabasePath}");
            await connection.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT COUNT(*) FROM Outbox WHERE Text LIKE '%消防演练通知%' AND Status = 'Pending'";
            var pending = (long)(await command.ExecuteScalarAsync(ct))!;
            command.CommandText = "SELECT COUNT(*) FROM Outbox WHERE Text LIKE '%消防演练通知%' AND Status = 'Sent'";
            var sent = (long)(await command.ExecuteScalarAsync(ct))!;
            Assert.Equal(0, pending);
            Assert.Equal(6, sent);
        }
        finally
        {
            File.Delete(body);
        }
    }

    private static async Task<long> CountAsync(string folder, string sql, CancellationToken ct)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(folder, "gridbot.db")}");
        await connection.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
}
