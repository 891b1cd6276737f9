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
}
