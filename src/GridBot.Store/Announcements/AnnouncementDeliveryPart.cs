using GridBot.Store.Outbox;

namespace GridBot.Store.Announcements;

/// <summary>One numbered part（1/3）of a delivery and the outbox row that carries it.</summary>
public sealed class AnnouncementDeliveryPart
{
    public long Id { get; set; }
    public long DeliveryId { get; set; }
    public int Part { get; set; }
    public long OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
}
