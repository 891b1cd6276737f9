namespace GridBot.Store.Schedules;

/// <summary>The bot's recurring duties. Stored by name: never rename a member, the notice table keys on it.</summary>
public enum ScheduleKind
{
    /// <summary>日碰头例会: the grid's agenda on every working day.</summary>
    DailyHuddle,

    /// <summary>早派工: the morning dispatch list, only where a grid or the configuration enables it.</summary>
    MorningDispatch,

    /// <summary>Daily digest for community and street staff.</summary>
    DailyDigest,

    /// <summary>Weekly digest for community and street staff.</summary>
    WeeklyDigest,

    /// <summary>Owner reminded at the configured share of a ticket's deadline.</summary>
    DeadlineReminder,

    /// <summary>督办: the deadline has passed.</summary>
    DeadlineChase,

    /// <summary>Escalated by the bot after the grace past the deadline.</summary>
    DeadlineEscalation,

    /// <summary>周联席会议: the agenda goes to the community chat on the working day before the meeting.</summary>
    WeeklyMeeting,

    /// <summary>公告回执 low after Announcements:AckReminderAfter: the grid's leader is told once per announcement and grid.</summary>
    AnnouncementAckReminder,
}
