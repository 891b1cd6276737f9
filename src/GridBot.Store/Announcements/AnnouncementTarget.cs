using GridBot.Store.Grids;

namespace GridBot.Store.Announcements;

/// <summary>One target grid code as the publisher gave it: the announcement reaches that grid's whole subtree.</summary>
public sealed class AnnouncementTarget
{
    public long Id { get; set; }
    public long AnnouncementId { get; set; }
    public int GridId { get; set; }
    public Grid? Grid { get; set; }
}
