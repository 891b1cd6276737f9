using GridBot.Host.Outbox;
using GridBot.Store.Outbox;

namespace GridBot.Host.Open311;

/// <summary>
/// Open311 has no push: clients poll GET requests for status and status_notes. A notice the lifecycle writes for a
/// ticket filed through Open311 (办结, 派单 …) is therefore delivered by being recorded, like the chat page's feed.
/// </summary>
internal sealed class Open311Sender : IChannelSender
{
    public const string ChannelName = "open311";

    public string Channel => ChannelName;

    public Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken) => Task.FromResult(SendOutcome.Sent);
}
