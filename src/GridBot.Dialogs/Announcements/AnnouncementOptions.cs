namespace GridBot.Dialogs.Announcements;

/// <summary>Announcements: message size, fan-out chunks, and when a low 回执 rate is brought to the grid leader.</summary>
public sealed class AnnouncementOptions
{
    public const string SectionName = "Announcements";

    /// <summary>How long after publication the 回执 rate of a grid is checked.</summary>
    public TimeSpan AckReminderAfter { get; set; } = TimeSpan.FromHours(24);

    /// <summary>Below this share of known members acknowledged (0.5 = 50%), the grid's leader is reminded once.</summary>
    public double LowAckRate { get; set; } = 0.5;

    /// <summary>Announcements older than this (past the reminder time) are no longer checked.</summary>
    public TimeSpan AckReminderWindow { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The largest message a channel takes (WeCom markdown: 4096 bytes of UTF-8); longer bodies go in numbered parts.</summary>
    public int MaxMessageBytes { get; set; } = 4096;

    /// <summary>
    /// Chats whose deliveries and outbox rows are written in one transaction. The fan-out to the district's 2,009 groups
    /// is ~20 short transactions, so residents' turns take the writer between them and the dispatcher starts sending
    /// after the first, instead of all waiting for one long transaction.
    /// </summary>
    public int FanOutChunkSize { get; set; } = 100;
}
