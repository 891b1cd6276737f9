using GridBot.Store.Turns;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Announcements;

/// <summary>
/// Writes one chunk of an announcement's fan-out after the first, in its own short transaction queued for the writer as
/// background work (<see cref="WriterGate.EnterBackgroundAsync"/>, behind residents' turns): the cursor moved by a
/// conditional UPDATE (still where it was read, still not withdrawn), then the chunk's outbox rows, deliveries and
/// parts with one multi-row INSERT per table (<see cref="MultiRowInsert"/>), not EF's one INSERT per row. A stop before
/// the commit leaves the cursor where it was, so the chunk is written again once and only once.
/// </summary>
public sealed class AnnouncementChunkWriter(GridBotDbContext db, WriterGate writers)
{
    /// <param name="stage">
    /// Adds the next chunk's deliveries (with their parts' rows from <see cref="Outbox.OutboxQueue.Unstaged"/>) to the
    /// announcement as read inside the transaction, untracked, and moves its cursor past them.
    /// </param>
    /// <returns>Whether chats are left after this chunk; false also when the fan-out had ended or the announcement
    /// was withdrawn (then the fan-out ends with nothing written).</returns>
    /// <exception cref="DbUpdateConcurrencyException">Another writer moved the cursor first: it carries the fan-out on.</exception>
    public async Task<bool> WriteNextAsync(long announcementId, Action<Announcement> stage, CancellationToken cancellationToken)
    {
        var entered = await writers.EnterBackgroundAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var announcement = await db.Announcements.AsNoTracking().FirstAsync(a => a.Id == announcementId, cancellationToken);
            if (announcement.FanOutCursor is not { } before)
            {
                return false;
            }

            var withdrawn = announcement.WithdrawnUtc is not null;
            if (withdrawn)
            {
                announcement.MoveFanOutCursor(null);
            }
            else
            {
                stage(announcement);
            }

            // First, so on PostgreSQL a withdrawal or a second host committing meanwhile makes this chunk write nothing.
            var after = announcement.FanOutCursor;
            var moved = await db.Announcements.Where(a => a.Id == announcementId && a.FanOutCursor == before && (withdrawn || a.WithdrawnUtc == null))
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.FanOutCursor, after), cancellationToken);
            if (moved == 0)
            {
                throw new DbUpdateConcurrencyException($"Announcement {announcement.Number}: its fan-out moved past chat {before} or was withdrawn meanwhile.");
            }

            await InsertChunkAsync(announcement, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return after is not null;
        }
        finally
        {
            if (entered)
            {
                writers.Leave();
            }
        }
    }

    private async Task InsertChunkAsync(Announcement announcement, CancellationToken cancellationToken)
    {
        var deliveries = announcement.Deliveries;
        if (deliveries.Count == 0)
        {
            return;
        }

        var parts = deliveries.SelectMany(d => d.Parts).ToList();
        var rowIds = await MultiRowInsert.InsertAsync(db, [.. parts.Select(p => p.OutboxMessage!)], cancellationToken);
        foreach (var delivery in deliveries)
        {
            delivery.AnnouncementId = announcement.Id;
        }

        var deliveryIds = await MultiRowInsert.InsertAsync(db, deliveries, cancellationToken);
        var next = 0;
        for (var d = 0; d < deliveries.Count; d++)
        {
            foreach (var part in deliveries[d].Parts)
            {
                part.DeliveryId = deliveryIds[d];
                part.OutboxMessageId = rowIds[next++];
            }
        }

        await MultiRowInsert.InsertAsync(db, parts, cancellationToken);
    }
}
