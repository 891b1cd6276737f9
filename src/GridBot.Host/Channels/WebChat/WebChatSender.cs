using GridBot.Host.Outbox;
using GridBot.Store.Outbox;

namespace GridBot.Host.Channels.WebChat;

/// <summary>
/// The demo chat page (channel <c>demo</c>, not Bot Framework's <c>webchat</c>, which is Microsoft's Web Chat and is
/// sent by <see cref="BotFramework.BotFrameworkSender"/>) polls its conversation's sent outbox rows, so for this channel "delivered" means "published
/// to the feed": marking the row sent is the delivery.
/// </summary>
internal sealed class WebChatSender : IChannelSender
{
    public const string ChannelName = "demo";

    public string Channel => ChannelName;

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(SendOutcome.Sent);
}
