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

    public List<AnnouncementDeliveryPart> Parts { get; set; } = [];
}
