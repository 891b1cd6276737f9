using GridBot.Dialogs.Announcements;
using GridBot.Host.Tests.Infrastructure;
using GridBot.Host.Tests.WeCom;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using FakeWeComHost = GridBot.Host.Tests.WeCom.FakeWeCom;

namespace GridBot.Host.Tests.Announcements;

public sealed class AnnouncementFanOutResumeTests
{
    private const string Grid = "DEMO-S01-C02-G03";
    private const int Robots = 12;
    private const int ChunkSize = 3;

    [Fact]
    public async Task AFanOutStoppedAfterTwoChunksIsResumedAtTheNextStartWithEveryGroupOnceAndNoneTwice()
    {
        var ct = TestTimeout.Token;
        var folder = Path.Combine(Path.GetTempPath(), "gridbot-tests", Guid.NewGuid().ToString("N"));
        try
        {
            await using var fake = await FakeWeComHost.StartAsync(ct);
            long announcementId;
            // The first host's robots are unreachable (nothing listens on port 9), so none of its sends can reach WeCom:
            // every robot's count below comes from the resumed fan-out alone.
            await using (var first = await GridBotTestHost.StartAsync(null, folder, ct, "--WeCom:ApiBaseUrl=http://127.0.0.1:9/", $"--Announcements:FanOutChunkSize={ChunkSize}"))
            {
                for (var i = 0; i < Robots; i++)
                {
                    await WeComSimulator.BindGroupAsync(first, $"wrkResume{i:D2}", Grid, ct, KeyOf(i));
                }

                // What a host killed after its second chunk leaves: the publication with the first chunk, one more chunk, no more.
                await using var publishing = first.Services.CreateAsyncScope();
                var services = publishing.ServiceProvider;
                var reach = await services.GetRequiredService<AnnouncementReachFinder>().FindAsync([Grid], ct);
                Assert.Equal(Robots + 1, reach.Chats.Count);
                var draft = new AnnouncementDraft("停电通知", "周五9:00—12:00检修线路停电。", [Grid], true, null, "api", "管理接口");
                var announcement = await services.GetRequiredService<AnnouncementPublisher>().StageAsync(draft, reach, ct);
                await services.GetRequiredService<GridBotDbContext>().SaveChangesAsync(ct);
                announcementId = announcement.Id;
                await using (var chunk = first.Services.CreateAsyncScope())
                {
                    Assert.True(await chunk.ServiceProvider.GetRequiredService<AnnouncementFanOut>().WriteNextChunkAsync(announcementId, reach.Chats, ct));
                }

                Assert.Equal(2 * ChunkSize, await first.QueryAsync(db => db.AnnouncementDeliveries.CountAsync(d => d.AnnouncementId == announcementId, ct)));
                Assert.Equal(reach.Chats[2 * ChunkSize - 1].Id, await first.QueryAsync(db => db.Announcements.Where(a => a.Id == announcementId).Select(a => a.FanOutCursor).FirstAsync(ct)));
            }

            // Past the first host's backoff and claims: every row written so far is due for the second host.
            var clock = new FakeTimeProvider(DateTimeOffset.UtcNow.AddMinutes(3));
            await using var second = await GridBotTestHost.StartAsync(clock, folder, ct, fake.ApiBaseSetting, $"--Announcements:FanOutChunkSize={ChunkSize}");
            while (await second.QueryAsync(db => db.Announcements.AnyAsync(a => a.Id == announcementId && a.FanOutCursor != null, ct))
                || await second.QueryAsync(db => db.Outbox.AnyAsync(o => o.Channel == "wecom" && o.Status == OutboxStatus.Pending, ct)))
            {
                clock.Advance(TimeSpan.FromSeconds(1));
                await Task.Delay(50, ct);
            }

            var chats = await second.QueryAsync(db => db.AnnouncementDeliveries.Where(d => d.AnnouncementId == announcementId).Select(d => d.ChatId).ToListAsync(ct));
            Assert.Equal(Robots + 1, chats.Count);
            Assert.Equal(chats.Count, chats.Distinct().Count());
            var records = await fake.RecordsAsync("webhook/send", ct);
            Assert.All(Enumerable.Range(0, Robots), i => Assert.Single(records, r => r["target"]!.GetValue<string>() == KeyOf(i)));
            Assert.Equal(Robots, records.Count);
            Assert.All(records, r => Assert.StartsWith("【公告 1】停电通知", r["body"]!["markdown"]!["content"]!.GetValue<string>(), StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public async Task AnAnnouncementConfirmedInTheGroupReachesEveryChatOfTheGridThoughItIsSeveralChunks()
    {
        var ct = TestTimeout.Token;
        await using var host = await GridBotTestHost.StartAsync(ct, "--WeCom:ApiBaseUrl=http://127.0.0.1:9/", "--Announcements:FanOutChunkSize=2");
        for (var i = 0; i < 5; i++)
        {
            await WeComSimulator.BindGroupAsync(host, $"wrkChunk{i}", "DEMO-S01-C01-G01", ct, KeyOf(i));
        }

        var group = host.Chat("demo-c01-g01");
        Assert.Contains("将发送到 6 个群", (await group.SayAsync(Person.LeaderWang, "公告 冬季防火安全提示\n请勿在楼道堆放杂物。", ct)).Text);
        Assert.Contains("已发布公告 1", (await group.SayAsync(Person.LeaderWang, "确认", ct)).Text);

        // The turn wrote the first two chats; the worker writes the other four after its commit.
        while (await host.QueryAsync(db => db.Announcements.AnyAsync(a => a.FanOutCursor != null, ct)))
        {
            await Task.Delay(20, ct);
        }

        var chats = await host.QueryAsync(db => db.Outbox.Where(o => o.Text.StartsWith("【公告 1】")).Select(o => o.ConversationId).ToListAsync(ct));
        Assert.Equal(["demo-c01-g01", "wrkChunk0", "wrkChunk1", "wrkChunk2", "wrkChunk3", "wrkChunk4"], chats.Order(StringComparer.Ordinal));
    }

    private static string KeyOf(int i) => $"00000000-0000-4000-8000-0000000001{i:D2}";
}
