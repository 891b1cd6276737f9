namespace GridBot.Store.Announcements;

/// <summary>Derived from the announcement's times, never stored: the times are the truth.</summary>
public enum AnnouncementStatus
{
    Scheduled,
    Published,
    Withdrawn,
}
