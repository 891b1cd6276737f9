using GridBot.Store.Outbox;

namespace GridBot.Store.Announcements;

/// <summary>
/// A policy announcement (公告) to every chat of its target grids' subtrees. <see cref="Number"/> is what people type
/// ("公告 回执 12"). What it says is fixed once made; scheduled, published and withdrawn are one-way moves guarded
/// here (a scheduled one is published by the job with a conditional update, so two fires or two hosts publish it
/// once); its targets, deliveries and customer-group sends are read-only views over lists EF Core fills through the
/// fields, added to only by the methods below, and the fan-out's cursor moves only forward.
/// </summary>
public sealed class Announcement
{
    public const int MaxTitleLength = 128;
    public const int MaxBodyLength = 20_000;

    public long Id { get; private init; }
    public int Number { get; init; }
    public required string Title { get; init; }

    /// <summary>Markdown, as the publisher wrote it.</summary>
    public required string Body { get; init; }

    /// <summary>Who published: "channel|userid" for chat, "api" or "cli" otherwise.</summary>
    public required string PublisherId { get; init; }

    public required string PublisherName { get; init; }
    public bool RequireAck { get; init; }
    public DateTime CreatedUtc { get; init; }
    public DateTime? ScheduledUtc { get; private set; }
    public DateTime? PublishedUtc { get; private set; }
    public DateTime? WithdrawnUtc { get; private set; }
    public string? WithdrawnBy { get; private set; }

    /// <summary>
    /// While the fan-out is under way: the id of the last chat whose delivery and outbox rows are committed (chats go in
    /// id order, one chunk per transaction), so a host that stopped mid-way resumes after it. Null when there is nothing
    /// left to write: not published yet, every chat done, or withdrawn.
    /// </summary>
    public int? FanOutCursor { get; private set; }

    private readonly List<AnnouncementTarget> _targets = [];
    private readonly List<AnnouncementDelivery> _deliveries = [];
    private readonly List<AnnouncementGroupSend> _groupSends = [];

    public IReadOnlyList<AnnouncementTarget> Targets => _targets.AsReadOnly();
    public IReadOnlyList<AnnouncementDelivery> Deliveries => _deliveries.AsReadOnly();

    /// <summary>Its customer-group mass-sends (one outbox row per target subtree with bound groups, per part).</summary>
    public IReadOnlyList<AnnouncementGroupSend> GroupSends => _groupSends.AsReadOnly();

    public AnnouncementStatus Status =>
        WithdrawnUtc is not null ? AnnouncementStatus.Withdrawn
        : PublishedUtc is not null ? AnnouncementStatus.Published
        : AnnouncementStatus.Scheduled;

    /// <summary>Not published or withdrawn yet, and with no time set or its time come.</summary>
    public bool IsDue(DateTime nowUtc) => Status == AnnouncementStatus.Scheduled && (ScheduledUtc is null || ScheduledUtc <= nowUtc);

    /// <summary>A target grid (its whole subtree); the targets are fixed before publication, each once.</summary>
    public void AddTarget(int gridId)
    {
        if (Status != AnnouncementStatus.Scheduled)
        {
            throw new InvalidOperationException($"Announcement {Number} is {Status}: its targets are fixed.");
        }

        if (_targets.Any(t => t.GridId == gridId))
        {
            throw new InvalidOperationException($"Announcement {Number} already targets grid {gridId}.");
        }

        _targets.Add(new AnnouncementTarget { GridId = gridId });
    }

    /// <summary>When the job is to publish it; only an announcement not yet published or withdrawn has a time to move.</summary>
    public void Schedule(DateTime atUtc)
    {
        if (Status != AnnouncementStatus.Scheduled)
        {
            throw new InvalidOperationException($"Announcement {Number} is {Status}: it cannot be scheduled.");
        }

        ScheduledUtc = atUtc;
    }

    /// <summary>Published once: not twice, and never after it was withdrawn.</summary>
    public void Publish(DateTime nowUtc)
    {
        if (Status != AnnouncementStatus.Scheduled)
        {
            throw new InvalidOperationException($"Announcement {Number} is {Status}: it cannot be published.");
        }

        PublishedUtc = nowUtc;
    }

    /// <summary>Its way into one reached chat, written by the fan-out of a published, not withdrawn announcement.</summary>
    public AnnouncementDelivery AddDelivery(int chatId, int gridId)
    {
        GuardFanOut();
        var delivery = new AnnouncementDelivery { ChatId = chatId, GridId = gridId };
        _deliveries.Add(delivery);
        return delivery;
    }

    /// <summary>One part's customer-group row for one target subtree, written by the same fan-out.</summary>
    public void AddGroupSend(int gridId, int part, OutboxMessage row)
    {
        GuardFanOut();
        _groupSends.Add(new AnnouncementGroupSend { GridId = gridId, Part = part, OutboxMessage = row });
    }

    /// <summary>
    /// Moves the fan-out past the chunk just staged (its last chat's id), or ends it (null). Never back, and past a chat only while
    /// published (ending it is always allowed): a chunk written twice would deliver twice.
    /// </summary>
    public void MoveFanOutCursor(int? lastChatId)
    {
        if (lastChatId is not null)
        {
            GuardFanOut();
        }

        if (lastChatId <= FanOutCursor)
        {
            throw new InvalidOperationException($"Announcement {Number}'s fan-out is past chat {FanOutCursor}, not before it ({lastChatId}).");
        }

        FanOutCursor = lastChatId;
    }

    public void Withdraw(DateTime nowUtc, string by)
    {
        if (WithdrawnUtc is not null)
        {
            throw new InvalidOperationException($"Announcement {Number} is already withdrawn.");
        }

        WithdrawnUtc = nowUtc;
        WithdrawnBy = by.Length > 64 ? by[..64] : by;
    }

    private void GuardFanOut()
    {
        if (Status != AnnouncementStatus.Published)
        {
            throw new InvalidOperationException($"Announcement {Number} is {Status}: only a published one is fanned out.");
        }
    }
}
