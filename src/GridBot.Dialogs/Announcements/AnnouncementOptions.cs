namespace GridBot.Dialogs.Announcements;

/// <summary>Announcements: message size, and when a low 回执 rate is brought to the grid leader.</summary>
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
}
