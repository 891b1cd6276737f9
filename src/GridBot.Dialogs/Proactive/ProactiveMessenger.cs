using GridBot.Store;
using GridBot.Store.Outbox;

namespace GridBot.Dialogs.Proactive;

/// <summary>
/// Says something into a conversation outside the current turn. It only writes an outbox row into the
/// caller's unit of work, so the message is sent if and only if the change that caused it is committed.
/// </summary>
public sealed class ProactiveMessenger(GridBotDbContext db, TimeProvider time)
{
    /// <param name="mentions">Channel user ids to @-mention where the channel can (WeCom robots: mentioned_list).</param>
    public void Enqueue(string channel, string conversationId, string? serviceUrl, string text, IReadOnlyCollection<string>? mentions = null) =>
        Add(channel, conversationId, serviceUrl, text, OutboxFormat.Text, mentions, payload: null);

    public void EnqueueMarkdown(string channel, string conversationId, string markdown) =>
        Add(channel, conversationId, serviceUrl: null, markdown, OutboxFormat.Markdown, mentions: null, payload: null);

    /// <param name="altText">What a channel that cannot show images says instead.</param>
    public void EnqueueImage(string channel, string conversationId, string altText, byte[] pngOrJpeg) =>
        Add(channel, conversationId, serviceUrl: null, altText, OutboxFormat.Image, mentions: null, pngOrJpeg);

    private void Add(string channel, string conversationId, string? serviceUrl, string text, OutboxFormat format, IReadOnlyCollection<string>? mentions, byte[]? payload) =>
        db.Outbox.Enqueue(channel, conversationId, text, time.GetUtcNow().UtcDateTime, format, serviceUrl, mentions: mentions, payload: payload);
}
