using GridBot.Dialogs.Time;
using GridBot.Store;
using GridBot.Store.Announcements;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace GridBot.Dialogs.Announcements;

/// <summary>
/// Writes an announcement's deliveries in chunks of <see cref="AnnouncementOptions.FanOutChunkSize"/> chats, in chat id
/// order: one delivery per chat and one outbox row per part, and the announcement's <see cref="Announcement.FanOutCursor"/>
/// moved past the chunk in the same transaction. The first chunk goes with the publication (the turn's or the API's
/// transaction); each later one is its own short transaction through the writer queue, so a resident's turn waits for
/// one chunk at most, and a stop between chunks resumes after the last committed one with no chat written twice.
/// </summary>
public sealed class AnnouncementFanOut(
    GridBotDbContext db,
    AnnouncementChunkWriter chunks,
    AnnouncementReachFinder reachFinder,
    ShanghaiTime clock,
    IOptions<AnnouncementOptions> options)
{
    /// <summary>
    /// Stages the next chunk of <paramref name="chats"/> (id order) after the cursor in the caller's unit of work (the
    /// announcement is tracked: EF finds the deliveries, parts and rows through it) and moves the cursor past it, or ends
    /// the fan-out when no chat is left after it.
    /// </summary>
    public void StageNextChunk(Announcement announcement, IReadOnlyList<ReachedChat> chats)
    {
        var after = announcement.FanOutCursor ?? 0;
        var chunk = chats.Where(c => c.Id > after).Take(options.Value.FanOutChunkSize).ToList();
        // Every chunk renders the same parts: the footer carries the publication time, not the chunk's.
        var publishedUtc = announcement.PublishedUtc ?? throw new InvalidOperationException($"Announcement {announcement.Number} is not published.");
        var parts = AnnouncementParts.Render(announcement.Number, announcement.Title, announcement.Body,
            AnnouncementTexts.Footer(announcement, clock, publishedUtc), options.Value.MaxMessageBytes);
        foreach (var chat in chunk)
        {
            var delivery = announcement.AddDelivery(chat.Id, chat.GridId);
            foreach (var part in parts)
            {
                // The delivery holds the row: status, attempts and errors are read back from it. The body is markdown as
                // the publisher wrote it; WeCom robots render it, other channels show it as text.
                delivery.AddPart(OutboxQueue.Unstaged(chat.Channel, chat.ChatId, part, publishedUtc, OutboxFormat.Markdown));
            }
        }

        var last = chunk.Count > 0 ? chunk[^1].Id : after;
        announcement.MoveFanOutCursor(chats.Any(c => c.Id > last) ? last : null);
    }

    /// <summary>The chats of the announcement's targets after its cursor, in id order (the reach as it is now).</summary>
    public async Task<IReadOnlyList<ReachedChat>> RemainingChatsAsync(long announcementId, CancellationToken cancellationToken)
    {
        var announcement = await db.Announcements.AsNoTracking().Where(a => a.Id == announcementId)
            .Select(a => new { a.FanOutCursor, Codes = a.Targets.Select(t => t.Grid!.Code).ToList() })
            .FirstAsync(cancellationToken);
        if (announcement.FanOutCursor is not { } cursor)
        {
            return [];
        }

        var reach = await reachFinder.FindAsync(announcement.Codes, cancellationToken);
        return [.. reach.Chats.Where(c => c.Id > cursor)];
    }

    /// <summary>
    /// Writes the next chunk in its own transaction (<see cref="AnnouncementChunkWriter"/>: queued for the writer behind
    /// residents' turns, one multi-row insert per table). A withdrawn announcement's fan-out ends with nothing written.
    /// </summary>
    /// <returns>Whether chats are left after this chunk.</returns>
    /// <exception cref="DbUpdateConcurrencyException">Another writer moved the cursor first: it carries the fan-out on.</exception>
    public Task<bool> WriteNextChunkAsync(long announcementId, IReadOnlyList<ReachedChat> chats, CancellationToken cancellationToken) =>
        chunks.WriteNextAsync(announcementId, announcement => StageNextChunk(announcement, chats), cancellationToken);
}
