using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Tests.Storage;

/// <summary>
/// issue #15 item 4, end to end on a real full disk: the host's SQLite file lives on a small tmpfs of its own, which the
/// test fills with a filler file. /readyz reports the database full (503) while it is, a resident's report through the
/// AI bot is refused with 503 and leaves nothing behind, and once the filler is deleted /readyz is ready again and
/// WeCom's retry of the same msgid makes exactly one ticket.
/// </summary>
public sealed class FullDatabaseTests
{
    private const string Group = "wrkFullDisk01";

    [Fact]
    public async Task AFullDiskMakesReadinessFailAndTheReportWaitsForWeComsRetryWhichMakesOneTicket()
    {
        var ct = TestTimeout.Token;
        var folder = Directory.CreateTempSubdirectory("gridbot-full-").FullName;
        Run("mount", "-t", "tmpfs", "-o", "size=24m", "tmpfs", folder);
        try
        {
            await using (var host = await GridBotTestHost.StartAsync(null, folder, ct, WeComSimulator.Settings()))
            {
                var wecom = new WeComSimulator(host);
                await wecom.BindGroupAsync(Group, "DEMO-S01-C01-G01", ct);
                Assert.Equal(("up", HttpStatusCode.OK), await ReadyAsync(host, ct));

                var filler = Fill(folder, host.DatabasePath);
                var (database, status) = await ReadyAsync(host, ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                Assert.Equal("database is full", database);

                var report = WeComSimulator.GroupText("msg-full-1", Group, "zhangsan", "@网格小助手 5号楼门口的井盖不见了，很危险");
                var refused = await wecom.PostAsync(report, ct);
                Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);

                File.Delete(filler);
                Assert.Equal(("up", HttpStatusCode.OK), await ReadyAsync(host, ct));

                // Nothing of the refused turn was written: no ticket, no number taken, no processed mark, no reply queued.
                Assert.Equal(0, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
                Assert.Equal(0, await host.QueryAsync(db => db.TicketSequences.CountAsync(ct)));
                Assert.Equal(0, await host.QueryAsync(db => db.ProcessedActivities.CountAsync(p => p.Key.EndsWith("msg-full-1"), ct)));
                Assert.Equal(0, await host.QueryAsync(db => db.Outbox.CountAsync(ct)));

                // WeCom retries the unanswered callback (a new delivery: timestamp and nonce of its own, the same msgid), then once more.
                var answered = await wecom.PostAsync(report, ct);
                Assert.Equal(HttpStatusCode.OK, answered.Status);
                Assert.Matches(@"GD\d{8}-0001", answered.StreamContent);
                var again = await wecom.PostAsync(report, ct);
                Assert.Equal(answered.StreamContent, again.StreamContent);
                Assert.Equal(1, await host.QueryAsync(db => db.Tickets.CountAsync(ct)));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Run("umount", "-l", folder);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Checkpoints the WAL into the file (so no old WAL space can take the next write) and fills the rest of the disk.</summary>
    private static string Fill(string folder, string databasePath)
    {
        using (var connection = new SqliteConnection($"Data Source={databasePath};Pooling=False"))
        {
            connection.Open();
            using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            checkpoint.ExecuteNonQuery();
        }

        var filler = Path.Combine(folder, "filler.bin");
        using var stream = new FileStream(filler, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        var block = new byte[1 << 16];
        try
        {
            while (true)
            {
                stream.Write(block);
                stream.Flush();
            }
        }
        catch (IOException)
        {
            // No space left on the device: that is the point.
        }

        return filler;
    }

    private static async Task<(string Database, HttpStatusCode Status)> ReadyAsync(GridBotTestHost host, CancellationToken cancellationToken)
    {
        while (true)
        {
            using var response = await host.Http.GetAsync("/readyz", cancellationToken);
            var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))!.AsObject();
            // The scheduler starts once the application has; readiness is only judged here on the database.
            if (body["quartz"]!.GetValue<string>() == "up")
            {
                return (body["database"]!.GetValue<string>(), response.StatusCode);
            }

            await Task.Delay(100, cancellationToken);
        }
    }

    private static void Run(string file, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments) { RedirectStandardError = true })!;
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error} — this test needs root (a tmpfs of its own is the full disk).");
    }
}
