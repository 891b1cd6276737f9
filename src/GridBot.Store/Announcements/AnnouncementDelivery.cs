using GridBot.Store.Outbox;
using GridBot.Store.Grids;

namespace GridBot.Store.Announcements;

/// <summary>
/// The announcement's way into one chat. Status, attempts and errors are not copied here: they are read from the
/// outbox rows of its <see cref="Parts"/>, so there is one truth about what was sent.
/// </summary>
public sealed class AnnouncementDelivery
{
    public long Id { get; set; }
    public long AnnouncementId { get; set; }
    public Announcement? Announcement { get; set; }
    public int ChatId { get; set; }
    public Chat? Chat { get; set; }

    /// <summary>The chat's grid at publication, so rates stay as they were if a chat is re-imported elsewhere.</summary>
    public int GridId { get; set; }

    private readonly List<AnnouncementDeliveryPart> _parts = [];

    /// <summary>The numbered parts in the order they were added; a part is added only through <see cref="AddPart"/>.</summary>
    public IReadOnlyList<AnnouncementDeliveryPart> Parts => _parts.AsReadOnly();

    /// <summary>
    /// Adds the next numbered part (1, 2, …) carried by <paramref name="row"/>: the numbers follow the order of the
    /// calls, so a delivery cannot have two parts 1 or a gap.
    /// </summary>
    public AnnouncementDeliveryPart AddPart(OutboxMessage row)
    {
        ArgumentNullException.ThrowIfNull(row);
        var part = new AnnouncementDeliveryPart { Part = _parts.Count + 1, OutboxMessage = row };
        _parts.Add(part);
        return part;
    }
}
