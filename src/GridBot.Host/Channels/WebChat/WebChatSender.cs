using GridBot.Host.Outbox;
using GridBot.Store.Outbox;

namespace GridBot.Host.Channels.WebChat;

/// <summary>
/// The chat page polls its conversation's sent outbox rows, so for this channel "delivered" means "published
/// to the feed": marking the row sent is the delivery.
/// </summary>
internal sealed class WebChatSender : IChannelSender
{
    public const string ChannelName = "webchat";

    public string Channel => ChannelName;

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(SendOutcome.Sent);
}
