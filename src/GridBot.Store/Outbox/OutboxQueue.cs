using Microsoft.EntityFrameworkCore;

namespace GridBot.Store.Outbox;

/// <summary>
/// The one way a message is queued for sending: a row staged in the caller's unit of work (the turn's transaction, or
/// the job's), due now, so it is sent if and only if the change that caused it commits.
/// </summary>
public static class OutboxQueue
{
    /// <param name="mentions">Channel user ids to @-mention where the channel can (WeCom robots: mentioned_list).</param>
    /// <param name="replyToId">The activity this answers, when it is a turn's reply delivered by callback.</param>
    /// <param name="payload">The image bytes when <paramref name="format"/> is <see cref="OutboxFormat.Image"/>.</param>
    /// <returns>The staged row, for a caller that must link it (an announcement's delivery reads its status back).</returns>
    public static OutboxMessage Enqueue(
        this DbSet<OutboxMessage> outbox, string channel, string conversationId, string text, DateTime nowUtc,
        OutboxFormat format = OutboxFormat.Text, string? serviceUrl = null, string? replyToId = null, IEnumerable<string>? mentions = null, byte[]? payload = null)
    {
        var row = new OutboxMessage(channel, conversationId, text, format, serviceUrl, replyToId, OutboxMentions.Join(mentions), payload, nowUtc);
        outbox.Add(row);
        return row;
    }

    /// <summary>
    /// A row not staged in any unit of work: it is written with whatever it hangs from, by EF when that is tracked (an
    /// announcement's first fan-out chunk, found through its deliveries) or by <c>AnnouncementChunkWriter</c>'s
    /// multi-row insert (the later chunks), in the same transaction as that change either way.
    /// </summary>
    public static OutboxMessage Unstaged(string channel, string conversationId, string text, DateTime nowUtc, OutboxFormat format = OutboxFormat.Text) =>
        new(channel, conversationId, text, format, serviceUrl: null, replyToId: null, mentions: null, payload: null, nowUtc);
}
