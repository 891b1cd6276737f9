using GridBot.Store.Grids;
using GridBot.Store.Outbox;

namespace GridBot.Store.Announcements;

/// <summary>
/// The announcement's way into the customer groups (客户群) of one target subtree: an outbox row of channel
/// wecom-customer-group per part, written with the announcement. What became of it — owner tasks, skips and their
/// reasons — is read from that row's <c>GroupMessageTasks</c> and <c>GroupMessageSkips</c>, not copied here.
/// </summary>
public sealed class AnnouncementGroupSend
{
    public long Id { get; set; }
    public long AnnouncementId { get; set; }

    /// <summary>The target grid whose subtree's bound customer groups this send covers.</summary>
    public int GridId { get; set; }

    public Grid? Grid { get; set; }
    public int Part { get; set; }
    public long OutboxMessageId { get; set; }
    public OutboxMessage? OutboxMessage { get; set; }
}
