using GridBot.Store.Outbox;
using GridBot.Store.Announcements;

namespace GridBot.Store.Tests.Announcements;

/// <summary>
/// An announcement is scheduled and targeted only before publication, published once and never after a withdrawal,
/// withdrawn once, and fanned out only while published, its fan-out cursor only forward; an illegal call throws and
/// changes nothing.
/// </summary>
public sealed class AnnouncementGuardTests
{
    private static readonly DateTime Now = new(2026, 12, 3, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void PublishingTwiceThrowsAndKeepsTheFirstTime()
    {
        var announcement = NewAnnouncement();
        announcement.Publish(Now);

        Assert.Throws<InvalidOperationException>(() => announcement.Publish(Now.AddHours(1)));
        Assert.Throws<InvalidOperationException>(() => announcement.Schedule(Now.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => announcement.AddTarget(7));
        Assert.Equal((AnnouncementStatus.Published, Now, (DateTime?)null), (announcement.Status, announcement.PublishedUtc, announcement.ScheduledUtc));
        Assert.Empty(announcement.Targets);
    }

    [Fact]
    public void AWithdrawnAnnouncementIsNeitherPublishedWithdrawnAgainNorFannedOut()
    {
        var announcement = NewAnnouncement();
        announcement.Schedule(Now.AddDays(1));
        announcement.Withdraw(Now, "李明");

        Assert.Throws<InvalidOperationException>(() => announcement.Publish(Now.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => announcement.Withdraw(Now.AddHours(1), "王芳"));
        Assert.Throws<InvalidOperationException>(() => announcement.AddDelivery(1, 7));
        Assert.False(announcement.IsDue(Now.AddDays(2)));
        Assert.Equal((AnnouncementStatus.Withdrawn, (DateTime?)null, "李明"), (announcement.Status, announcement.PublishedUtc, announcement.WithdrawnBy));
        Assert.Empty(announcement.Deliveries);
    }

    [Fact]
    public void AScheduledAnnouncementIsNotFannedOutBeforeItIsPublished()
    {
        var announcement = NewAnnouncement();
        announcement.Schedule(Now.AddDays(1));
        announcement.AddTarget(7);

        Assert.False(announcement.IsDue(Now));
        Assert.True(announcement.IsDue(Now.AddDays(1)));
        Assert.Throws<InvalidOperationException>(() => announcement.AddDelivery(1, 7));
        Assert.Empty(announcement.Deliveries);
        Assert.Empty(announcement.GroupSends);

        announcement.Publish(Now.AddDays(1));
        Assert.Equal(1, announcement.AddDelivery(1, 7).ChatId);
    }

    [Fact]
    public void TheFanOutCursorMovesOnlyForwardAndOnlyWhilePublished()
    {
        var announcement = NewAnnouncement();
        Assert.Throws<InvalidOperationException>(() => announcement.MoveFanOutCursor(100));

        announcement.Publish(Now);
        announcement.MoveFanOutCursor(100);
        Assert.Throws<InvalidOperationException>(() => announcement.MoveFanOutCursor(100));
        Assert.Throws<InvalidOperationException>(() => announcement.MoveFanOutCursor(40));
        Assert.Equal(100, announcement.FanOutCursor);

        announcement.Withdraw(Now.AddHours(1), "李明");
        Assert.Throws<InvalidOperationException>(() => announcement.MoveFanOutCursor(200));
        announcement.MoveFanOutCursor(null);
        Assert.Null(announcement.FanOutCursor);
    }

    [Fact]
    public void AGridIsTargetedOnce()
    {
        var announcement = NewAnnouncement();
        announcement.AddTarget(7);

        Assert.Throws<InvalidOperationException>(() => announcement.AddTarget(7));
        Assert.Single(announcement.Targets);
    }

    [Fact]
    public void TheCollectionsAreReadOnlyViews()
    {
        var announcement = NewAnnouncement();

        Assert.False(announcement.Targets is List<AnnouncementTarget>);
        Assert.False(announcement.Deliveries is List<AnnouncementDelivery>);
        Assert.False(announcement.GroupSends is List<AnnouncementGroupSend>);
    }

    [Fact]
    public async Task ADeliveryNumbersItsPartsInTheOrderTheyAreAdded()
    {
        var ct = TestTimeout.Token;
        await using var database = await StoreDatabase.CreateAsync(ct);
        await using var db = database.Open();
        var announcement = NewAnnouncement();
        announcement.Publish(Now);
        var delivery = announcement.AddDelivery(1, 7);

        delivery.AddPart(db.Outbox.Enqueue("wecom", "chat-1", "（1/2）停水通知", Now, OutboxFormat.Markdown));
        delivery.AddPart(db.Outbox.Enqueue("wecom", "chat-1", "（2/2）明天上午停水", Now, OutboxFormat.Markdown));

        Assert.Equal([1, 2], delivery.Parts.Select(p => p.Part));
        Assert.Equal(["（1/2）停水通知", "（2/2）明天上午停水"], delivery.Parts.Select(p => p.OutboxMessage!.Text));
        Assert.False(delivery.Parts is List<AnnouncementDeliveryPart>);
    }

    private static Announcement NewAnnouncement() =>
        new() { Number = 12, Title = "停水通知", Body = "明天上午停水", PublisherId = "api", PublisherName = "社区", CreatedUtc = Now };
}
