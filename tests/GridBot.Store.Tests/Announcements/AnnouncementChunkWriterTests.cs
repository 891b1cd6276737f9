using GridBot.Store.Announcements;
using GridBot.Store.Grids;
using GridBot.Store.Outbox;
using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Tests.Announcements;

/// <summary>
/// A later fan-out chunk written by one multi-row insert per table reads back through EF as the first chunk's EF
/// inserts do: each delivery with its numbered parts, each part on its own pending markdown row for its chat, the cursor
/// moved past the chunk; a withdrawn announcement's fan-out ends with nothing written.
/// </summary>
public sealed class AnnouncementChunkWriterTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task AChunkAfterTheCursorIsWrittenOnceWithItsNumberedPartsAndTheirRows()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var (announcementId, chats) = await PublishWithFirstChunkAsync(database, ct);

        await using (var db = database.Open())
        {
            var more = await new AnnouncementChunkWriter(db, new WriterGate(singleWriter: true)).WriteNextAsync(announcementId, a => StageLastChunk(a, chats[1..]), ct);
            Assert.False(more);
        }

        await using var check = database.Open();
        var deliveries = await check.AnnouncementDeliveries.Where(d => d.AnnouncementId == announcementId)
            .Include(d => d.Parts).ThenInclude(p => p.OutboxMessage).OrderBy(d => d.ChatId).ToListAsync(ct);
        Assert.Equal(chats.Select(c => c.Id), deliveries.Select(d => d.ChatId));
        Assert.All(deliveries, d => Assert.Equal([1, 2], d.Parts.OrderBy(p => p.Part).Select(p => p.Part)));
        var later = deliveries.Skip(1).SelectMany(d => d.Parts.OrderBy(p => p.Part).Select(p => (d.ChatId, p.Part, p.OutboxMessage!))).ToList();
        Assert.All(later, p =>
        {
            var chat = chats.Single(c => c.Id == p.ChatId);
            Assert.Equal((chat.Channel, chat.ChatId, $"（{p.Part}/2）停水", OutboxStatus.Pending, OutboxFormat.Markdown, Now),
                (p.Item3.Channel, p.Item3.ConversationId, p.Item3.Text, p.Item3.Status, p.Item3.Format, p.Item3.NextAttemptUtc));
        });
        Assert.Equal(later.Count, later.Select(p => p.Item3.Id).Distinct().Count());
        Assert.Null((await check.Announcements.SingleAsync(a => a.Id == announcementId, ct)).FanOutCursor);
    }

    [Fact]
    public async Task AWithdrawnAnnouncementsFanOutEndsWithNothingWritten()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        var (announcementId, chats) = await PublishWithFirstChunkAsync(database, ct);
        await using (var db = database.Open())
        {
            (await db.Announcements.SingleAsync(a => a.Id == announcementId, ct)).Withdraw(Now, "李明");
            await db.SaveChangesAsync(ct);
        }

        await using (var db = database.Open())
        {
            Assert.False(await new AnnouncementChunkWriter(db, new WriterGate(singleWriter: true)).WriteNextAsync(announcementId, a => StageLastChunk(a, chats[1..]), ct));
        }

        await using var check = database.Open();
        Assert.Equal(1, await check.AnnouncementDeliveries.CountAsync(ct));
        Assert.Equal(2, await check.Outbox.CountAsync(ct));
        Assert.Null((await check.Announcements.SingleAsync(a => a.Id == announcementId, ct)).FanOutCursor);
    }

    /// <summary>Three chats in one grid, an announcement published to them with its first chat written by EF.</summary>
    private static async Task<(long AnnouncementId, Chat[] Chats)> PublishWithFirstChunkAsync(StoreDatabase database, CancellationToken ct)
    {
        await using var db = database.Open();
        var grid = new Grid { Code = "D-G1", Name = "第一网格", Level = GridLevel.Grid, Path = "D-G1" };
        var chats = Enumerable.Range(1, 3).Select(i => new Chat { Channel = "wecom", ChatId = $"wrk-{i}", Name = $"第{i}群", Grid = grid }).ToArray();
        db.Chats.AddRange(chats);
        await db.SaveChangesAsync(ct);

        var announcement = new Announcement { Number = 12, Title = "停水通知", Body = "明天上午停水", PublisherId = "api", PublisherName = "社区", CreatedUtc = Now };
        announcement.AddTarget(grid.Id);
        announcement.Publish(Now);
        db.Announcements.Add(announcement);
        StageTwoParts(announcement, chats[..1]);
        announcement.MoveFanOutCursor(chats[0].Id);
        await db.SaveChangesAsync(ct);
        return (announcement.Id, chats);
    }

    /// <summary>The rest of the chats, two parts each, and the fan-out ended, as the fan-out's last chunk does.</summary>
    private static void StageLastChunk(Announcement announcement, IEnumerable<Chat> chats)
    {
        StageTwoParts(announcement, chats);
        announcement.MoveFanOutCursor(null);
    }

    private static void StageTwoParts(Announcement announcement, IEnumerable<Chat> chats)
    {
        foreach (var chat in chats)
        {
            var delivery = announcement.AddDelivery(chat.Id, chat.GridId);
            for (var part = 1; part <= 2; part++)
            {
                delivery.AddPart(OutboxQueue.Unstaged(chat.Channel, chat.ChatId, $"（{part}/2）停水", Now, OutboxFormat.Markdown));
            }
        }
    }
}
