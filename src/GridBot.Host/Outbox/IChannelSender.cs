using GridBot.Store.Outbox;

namespace GridBot.Host.Outbox;

/// <summary>Delivers outbox messages of one channel the way that channel wants.</summary>
public interface IChannelSender
{
    string Channel { get; }

    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>
    /// Called with this channel's rows of one claim just before they are sent, so a sender can read what it needs for
    /// all of them in one query instead of one per send. A sender must still send a row it was not prepared for.
    /// </summary>
    Task PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) => Task.CompletedTask;
}
