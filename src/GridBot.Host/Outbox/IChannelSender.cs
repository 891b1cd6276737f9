using GridBot.Store.Outbox;

namespace GridBot.Host.Outbox;

/// <summary>Delivers outbox messages of one channel the way that channel wants.</summary>
public interface IChannelSender : IOutboxRowSender
{
    string Channel { get; }

    /// <summary>
    /// Called with this channel's rows of one claim just before they are sent, so a sender can read what it needs for
    /// all of them in one query instead of one per send. The rows are sent through what it returns, which the
    /// dispatcher holds only while they are being sent: what was read for them goes with them, whatever their outcome.
    /// It must still send a row it was not prepared for.
    /// </summary>
    Task<IOutboxRowSender> PrepareAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        Task.FromResult<IOutboxRowSender>(this);
}
