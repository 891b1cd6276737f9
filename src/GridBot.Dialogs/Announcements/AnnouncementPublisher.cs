using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Creates announcements and fans them out: the announcement, one delivery per reached chat and one outbox row per
/// part, plus the customer groups' mass-send rows, are staged in the caller's unit of work and saved by one SaveChanges (one transaction), so either every chat
/// gets its rows or none does. The outbox dispatcher does the sending, retrying and failure marking.
/// </summary>
public sealed class AnnouncementPublisher(
    GridBotDbContext db,
    AnnouncementReachFinder reachFinder,
    ShanghaiTime clock,
    IOptions<AnnouncementOptions> options)
{
    /// <summary>add_msg_template's text.content limit.</summary>
    public const int CustomerGroupMaxBytes = 4000;

    /// <summary>
    /// Stages a new announcement (published now, or scheduled) in the unit of work without saving: a chat turn saves it
    /// with the turn. The number is the next free one; two writers racing for it fail on the unique index.
    /// </summary>
    public async Task<Announcement> StageAsync(AnnouncementDraft draft, AnnouncementReach reach, CancellationToken cancellationToken)
    {
        var now = clock.NowUtc;
        var number = (await db.Announcements.MaxAsync(a => (int?)a.Number, cancellationToken) ?? 0) + 1;
        var announcement = new Announcement
        {
            Number = number,
            Title = draft.Title,
            Body = draft.Body,
            RequireAck = draft.RequireAck,
            PublisherId = draft.PublisherId,
            PublisherName = draft.PublisherName,
            CreatedUtc = now,
        };
        if (draft.ScheduleAtUtc is { } at)
        {
            announcement.Schedule(at);
        }

        foreach (var gridId in await reachFinder.TargetGridIdsAsync(draft.Targets, cancellationToken))
        {
            announcement.AddTarget(gridId);
        }

        db.Announcements.Add(announcement);
        if (announcement.IsDue(now))
        {
            announcement.Publish(now);
            FanOut(announcement, reach, now);
        }

        return announcement;
    }

    /// <summary>
    /// Stages, saves and retries once when another publisher took the same number in between (the unique index says so).
    /// For the API and the command line, which have no turn to commit with.
    /// </summary>
    public async Task<Announcement> PublishAsync(AnnouncementDraft draft, AnnouncementReach reach, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var announcement = await StageAsync(draft, reach, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return announcement;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// Publishes scheduled announcements that are due, each exactly once: a conditional update claims it (published
    /// time still empty) in the same transaction as its fan-out, so a second fire, a restart or a second host finds
    /// it published and writes nothing.
    /// </summary>
    /// <returns>The announcements this call published.</returns>
    public async Task<int> PublishDueAsync(DateTime asOfUtc, CancellationToken cancellationToken)
    {
        var due = await db.Announcements.AsNoTracking()
            .Where(a => a.PublishedUtc == null && a.WithdrawnUtc == null && a.ScheduledUtc <= asOfUtc)
            .OrderBy(a => a.ScheduledUtc).Select(a => a.Id).ToListAsync(cancellationToken);
        var published = 0;
        foreach (var id in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var claimed = await db.Announcements.Where(a => a.Id == id && a.PublishedUtc == null && a.WithdrawnUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.PublishedUtc, asOfUtc), cancellationToken);
            if (claimed == 0)
            {
                continue;
            }

            var announcement = await db.Announcements.Include(a => a.Targets).ThenInclude(t => t.Grid).FirstAsync(a => a.Id == id, cancellationToken);
            var reach = await reachFinder.FindAsync([.. announcement.Targets.Select(t => t.Grid!.Code)], cancellationToken);
            FanOut(announcement, reach, asOfUtc);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            db.ChangeTracker.Clear();
            published++;
        }

        return published;
    }

    /// <summary>How many parts the draft becomes (the footer as it will be, the time as now).</summary>
    public int CountParts(AnnouncementDraft draft)
    {
        var sample = new Announcement
        {
            Number = 999_999, Title = draft.Title, Body = draft.Body, RequireAck = draft.RequireAck,
            PublisherId = draft.PublisherId, PublisherName = draft.PublisherName,
        };
        return AnnouncementParts.Render(sample.Number, sample.Title, sample.Body, AnnouncementTexts.Footer(sample, clock, clock.NowUtc), options.Value.MaxMessageBytes).Count;
    }

    private void FanOut(Announcement announcement, AnnouncementReach reach, DateTime nowUtc)
    {
        var parts = AnnouncementParts.Render(announcement.Number, announcement.Title, announcement.Body,
            AnnouncementTexts.Footer(announcement, clock, nowUtc), options.Value.MaxMessageBytes);
        foreach (var chat in reach.Chats)
        {
            var delivery = announcement.AddDelivery(chat.Id, chat.GridId);
            for (var i = 0; i < parts.Count; i++)
            {
                // The delivery holds the row: status, attempts and errors are read back from it. The body is markdown as
                // the publisher wrote it; WeCom robots render it, other channels show it as text.
                var row = db.Outbox.Enqueue(chat.Channel, chat.ChatId, parts[i], nowUtc, OutboxFormat.Markdown);
                delivery.Parts.Add(new AnnouncementDeliveryPart { Part = i + 1, OutboxMessage = row });
            }
        }

        FanOutToCustomerGroups(announcement, reach, nowUtc);
    }

    /// <summary>
    /// One wecom-customer-group row per target subtree and part; the sender turns each into one add_msg_template task
    /// per group owner. Plain text within add_msg_template's 4000 bytes: WeChat shows markdown as typed.
    /// </summary>
    private void FanOutToCustomerGroups(Announcement announcement, AnnouncementReach reach, DateTime nowUtc)
    {
        if (reach.GroupScopes.Count == 0)
        {
            return;
        }

        var parts = AnnouncementParts.Render(announcement.Number, announcement.Title, announcement.Body,
            AnnouncementTexts.CustomerGroupFooter(announcement, clock, nowUtc), Math.Min(options.Value.MaxMessageBytes, CustomerGroupMaxBytes));
        foreach (var scope in reach.GroupScopes)
        {
            for (var i = 0; i < parts.Count; i++)
            {
                var row = db.Outbox.Enqueue(CustomerGroup.OutboxChannel, scope.Code, parts[i], nowUtc);
                announcement.AddGroupSend(scope.GridId, i + 1, row);
            }
        }
    }
}
