using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.CustomerGroups;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Creates announcements and starts their fan-out: the announcement, its first chunk of deliveries (one per chat, one
/// outbox row per part, <see cref="AnnouncementFanOut"/>) and the customer groups' mass-send rows are saved in one
/// transaction; the remaining chunks follow, each its own transaction (<see cref="AnnouncementFanOutWorker"/>), so no
/// resident's turn waits for a 2,009-chat transaction and a stop in between resumes where the cursor says. The outbox
/// dispatcher does the sending, retrying and failure marking.
/// </summary>
public sealed class AnnouncementPublisher(
    GridBotDbContext db,
    AnnouncementReachFinder reachFinder,
    AnnouncementFanOut fanOut,
    AnnouncementFanOutWorker fanOutWorker,
    ShanghaiTime clock,
    IOptions<AnnouncementOptions> options)
{
    /// <summary>add_msg_template's text.content limit.</summary>
    public const int CustomerGroupMaxBytes = 4000;

    /// <summary>
    /// Stages a new announcement (published now, or scheduled) and its first chunk in the unit of work without saving: a
    /// chat turn saves it with the turn and hands the rest to <see cref="AnnouncementFanOutWorker.Queue"/> after its
    /// commit. The number is the next free one; two writers racing for it fail on the unique index.
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
    /// Stages, saves and retries once when another publisher took the same number in between (the unique index says so),
    /// then writes the remaining chunks before answering. For the API and the command line, which have no turn to
    /// commit with.
    /// </summary>
    public async Task<Announcement> PublishAsync(AnnouncementDraft draft, AnnouncementReach reach, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            var announcement = await StageAsync(draft, reach, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (announcement.FanOutCursor is not null)
                {
                    await fanOutWorker.ContinueAsync(announcement.Id, cancellationToken);
                }

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
    /// time still empty) in the same transaction as its first chunk, so a second fire, a restart or a second host finds
    /// it published and writes nothing; the remaining chunks follow from the cursor.
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
            if (announcement.FanOutCursor is not null)
            {
                await fanOutWorker.ContinueAsync(id, cancellationToken);
            }

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
        fanOut.StageNextChunk(announcement, reach.Chats);
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
