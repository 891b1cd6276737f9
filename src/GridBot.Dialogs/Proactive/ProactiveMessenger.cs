using GridBot.Store;
using GridBot.Store.Outbox;

namespace GridBot.Dialogs.Proactive;

/// <summary>
/// Says something into a conversation outside the current turn. It only writes an outbox row into the
/// caller's unit of work, so the message is sent if and only if the change that caused it is committed.
/// </summary>
public sealed class ProactiveMessenger(GridBotDbContext db, TimeProvider time)
{
    public void Enqueue(string channel, string conversationId, string? serviceUrl, string text)
    {
        var now = time.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            Channel = channel,
            ConversationId = conversationId,
            ServiceUrl = serviceUrl,
            Text = text,
            CreatedUtc = now,
            NextAttemptUtc = now,
        });
    }
}
