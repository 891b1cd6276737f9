using GridBot.Store.Outbox;

namespace GridBot.Host.Outbox;

/// <summary>Sends one outbox row: a channel's sender, or what it prepared for the rows of one claim.</summary>
public interface IOutboxRowSender
{
    Task<SendOutcome> SendAsync(OutboxMessage message, CancellationToken cancellationToken);
}
