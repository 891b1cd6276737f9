using GridBot.Store.Grids;

namespace GridBot.Store.Announcements;

/// <summary>回执: a member said 收到 / 已阅 / 已读 (or quote-replied) to an announcement. Unique per (announcement, member).</summary>
public sealed class AnnouncementAck
{
    public long Id { get; set; }
    public long AnnouncementId { get; set; }
    public int MemberId { get; set; }
    public Member? Member { get; set; }

    /// <summary>The grid of the chat it was said in.</summary>
    public int GridId { get; set; }

    public AnnouncementAckVia Via { get; set; }
    public DateTime AtUtc { get; set; }
}
