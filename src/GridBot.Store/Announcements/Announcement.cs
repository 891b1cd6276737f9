namespace GridBot.Store.Announcements;

/// <summary>
/// A policy announcement (公告) to every chat of its target grids' subtrees. <see cref="Number"/> is what people type
/// ("公告 回执 12"). Published and withdrawn are one-way moves guarded here; a scheduled one is published by the
/// job with a conditional update, so two fires (or two hosts) publish it once.
/// </summary>
public sealed class Announcement
{
    public const int MaxTitleLength = 128;
    public const int MaxBodyLength = 20_000;

    public long Id { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>Markdown, as the publisher wrote it.</summary>
    public required string Body { get; set; }

    /// <summary>Who published: "channel|userid" for chat, "api" or "cli" otherwise.</summary>
    public required string PublisherId { get; set; }

    public required string PublisherName { get; set; }
    public bool RequireAck { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ScheduledUtc { get; set; }
    public DateTime? PublishedUtc { get; set; }
    public DateTime? WithdrawnUtc { get; set; }
    public string? WithdrawnBy { get; set; }

    public List<AnnouncementTarget> Targets { get; set; } = [];
    public List<AnnouncementDelivery> Deliveries { get; set; } = [];

    /// <summary>Its customer-group mass-sends (one outbox row per target subtree with bound groups, per part).</summary>
    public List<AnnouncementGroupSend> GroupSends { get; set; } = [];

    public AnnouncementStatus Status =>
        WithdrawnUtc is not null ? AnnouncementStatus.Withdrawn
        : PublishedUtc is not null ? AnnouncementStatus.Published
        : AnnouncementStatus.Scheduled;

    public void Withdraw(DateTime nowUtc, string by)
    {
        if (WithdrawnUtc is not null)
        {
            throw new InvalidOperationException($"Announcement {Number} is already withdrawn.");
        }

        WithdrawnUtc = nowUtc;
        WithdrawnBy = by.Length > 64 ? by[..64] : by;
    }
}
