using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using FakeWeComHost = GridBot.Host.Tests.WeCom.FakeWeCom;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementRestartTests
{
    private const string Grid = "DEMO-S01-C02-G03";
    private const int Robots = 12;

    [Fact]
    public async Task AHostStoppedMidFanOutLeavesNothingLostAndTheNextHostDeliversTheRest()
    {
        var ct = TestTimeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var fake = await FakeWeComHost.StartAsync(ct);
            await fake.SetFaultsAsync(latencyMs: 150, serverErrors: 0, drops: 0, ct);
            int number;
            int pendingAtStop;
            await using (var first = await GridBotTestHost.StartAsync(null, folder, ct, fake.ApiBaseSetting, "--Outbox:Parallelism=1"))
            {
                for (var i = 0; i < Robots; i++)
                {
                    await WeComSimulator.BindGroupAsync(first, $"wrkRestart{i:D2}", Grid, ct, KeyOf(i));
                }

                number = await AnnouncementApi.PublishAsync(first, "停水通知", "周三8:00—18:00停水，请提前储水。", [Grid], requireAck: true, ct);
                while ((await fake.RecordsAsync("webhook/send", ct)).Count < 3)
                {
                    await Task.Delay(20, ct);
                }

                // Stopped here: some robots have it, the rest wait in the outbox (one possibly in flight).
            }

            await using (var file = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={Path.Combine(folder, "gridbot.db")}"))
            {
                await file.OpenAsync(ct);
                await using var count = file.CreateCommand();
                count.CommandText = "SELECT COUNT(*) FROM Outbox WHERE Channel = 'wecom' AND Status = 'Pending'";
                pendingAtStop = Convert.ToInt32(await count.ExecuteScalarAsync(ct), System.Globalization.CultureInfo.InvariantCulture);
            }

            Assert.True(pendingAtStop > 0, "the host stopped after every robot had the announcement: nothing was left to resume");
            // The row in flight at the stop keeps its two-minute claim: the next host starts past it.
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(3));
            await using var second = await GridBotTestHost.StartAsync(clock, folder, ct, fake.ApiBaseSetting);
            while (await second.QueryAsync(db => db.Outbox.CountAsync(o => o.Channel == "wecom" && o.Status == OutboxStatus.Pending, ct)) > 0)
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50, ct);
            }

            var records = await fake.RecordsAsync("webhook/send", ct);
            var perRobot = Enumerable.Range(0, Robots).Select(i => records.Count(r => r["target"]!.GetValue<string>() == KeyOf(i))).ToList();
            Assert.All(perRobot, count => Assert.True(count >= 1, "an announcement was lost"));
            // A duplicate needs the stop to fall between the robot's acceptance and the row's update: at most the one in flight.
            Assert.InRange(perRobot.Sum() - Robots, 0, 1);
            Assert.All(records, r => Assert.Equal("markdown", r["body"]!["msgtype"]!.GetValue<string>()));
            Assert.StartsWith($"【公告 {number}】停水通知", records[0]["body"]!["markdown"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
            var (_, detail) = await AnnouncementApi.GetAsync(second, $"/api/announcements/{number}", ct);
            Assert.Equal(Robots + 1, detail.GetProperty("delivery").GetProperty("chats").GetInt32());
            Assert.Equal(0, detail.GetProperty("delivery").GetProperty("failed").GetInt32());
            Assert.DoesNotContain(KeyOf(0), detail.GetRawText(), StringComparison.Ordinal);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string KeyOf(int i) => $"00000000-0000-4000-8000-0000000000{i:D2}";
}
