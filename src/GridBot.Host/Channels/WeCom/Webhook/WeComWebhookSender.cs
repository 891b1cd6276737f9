using GridBot.Host.Outbox;
using GridBot.Store;
using GridBot.Store.Outbox;
using Microsoft.EntityFrameworkCore;

namespace GridBot.Host.Channels.WeCom.Webhook;

/// <summary>
/// Outbox messages for WeCom groups go out through the group's robot (消息推送): short ones as text, long ones as
/// markdown cut at whole lines with a "…另有 N 条" tail. The robot key is read from the chat's binding at send time,
/// so a key fixed by a re-import is used by messages already waiting.
/// </summary>
internal sealed class WeComWebhookSender(IServiceScopeFactory scopes, WeComWebhookClient webhooks) : IChannelSender
{
    public string Channel => WeComWebhookKey.Channel;

    public async Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        string? key;
        await using (var scope = scopes.CreateAsyncScope())
        {
            key = await scope.ServiceProvider.GetRequiredService<GridBotDbContext>().Chats.AsNoTracking()
                .Where(c => c.Channel == WeComWebhookKey.Channel && c.ChatId == message.ConversationId)
                .Select(c => c.WebhookKey)
                .FirstOrDefaultAsync(cancellationToken);
        }

        if (key is null)
        {
            return new SendOutcome.Permanent("no group robot: import the chat with its webhookKey");
        }

        var text = message.Text;
        var body = Utf8Text.ByteCount(text) <= WeComWebhookMessage.MaxTextBytes
            ? WeComWebhookMessage.ForText(text)
            : WeComWebhookMessage.ForMarkdown(text.Split('\n'));
        return await webhooks.SendAsync(key, body, cancellationToken);
    }
}
