using GridBot.Store.Outbox;

namespace GridBot.Host.Outbox;

/// <summary>Delivers outbox messages of one channel the way that channel wants.</summary>
public interface IChannelSender
{
    string Channel { get; }

    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
