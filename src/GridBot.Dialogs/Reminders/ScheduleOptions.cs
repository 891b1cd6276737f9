using GridBot.Dialogs.Digests;
using GridBot.Store.Schedules;

namespace GridBot.Dialogs.Reminders;

/// <summary>
/// Defaults for every grid's schedules (a grid's own <see cref="ScheduleOverride"/> wins) and the chasing rules.
/// Times are local times of the working calendar's zone (Asia/Shanghai).
/// </summary>
public sealed class ScheduleOptions
{
    public const string SectionName = "Schedules";

    /// <summary>Turns every schedule off (the jobs stay registered and do nothing).</summary>
    public bool Enabled { get; set; } = true;

    public TimeOnly HuddleTime { get; set; } = new(17, 30);

    /// <summary>早派工 for every grid; a grid can still turn it on for itself with 提醒 早派工 08:30.</summary>
    public bool MorningDispatchEnabled { get; set; }

    public TimeOnly MorningDispatchTime { get; set; } = new(8, 30);

    public TimeOnly DigestTime { get; set; } = new(8, 0);

    /// <summary>The weekly digest's day; on a holiday it moves to the next working day.</summary>
    public DayOfWeek WeeklyDigestDay { get; set; } = DayOfWeek.Monday;

    /// <summary>Staff who also get a community's or street's digests in a private conversation.</summary>
    public List<DigestRecipient> DigestRecipients { get; set; } = [];

    /// <summary>周联席会议 of every community; on a holiday it moves to the next working day.</summary>
    public DayOfWeek WeeklyMeetingDay { get; set; } = DayOfWeek.Monday;

    public TimeOnly WeeklyMeetingTime { get; set; } = new(9, 0);

    /// <summary>When the meeting's agenda goes out, on the working day before the meeting.</summary>
    public TimeOnly WeeklyMeetingReminderTime { get; set; } = new(16, 0);

    /// <summary>How often the deadline chaser looks at open tickets.</summary>
    public TimeSpan ChaseInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Share of a ticket's working time after which its owner is reminded (0.75 = 75%).</summary>
    public double RemindAtShare { get; set; } = 0.75;

    /// <summary>Working hours past the deadline before the bot escalates a chased ticket to the next tier.</summary>
    public double EscalateAfterWorkingHours { get; set; } = 4;

    /// <summary>A fire missed while the host was down is still sent within this long after its time; later it is skipped.</summary>
    public TimeSpan MissedFireGrace { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The smallest message limit among the channels (WeCom markdown: 4096 bytes of UTF-8).</summary>
    public int MaxMessageBytes { get; set; } = 4096;

    public DayOfWeek DefaultDay(ScheduleKind kind) => kind == ScheduleKind.WeeklyMeeting ? WeeklyMeetingDay : WeeklyDigestDay;

    public TimeOnly DefaultTime(ScheduleKind kind) => kind switch
    {
        ScheduleKind.DailyHuddle => HuddleTime,
        ScheduleKind.MorningDispatch => MorningDispatchTime,
        ScheduleKind.DailyDigest or ScheduleKind.WeeklyDigest => DigestTime,
        ScheduleKind.WeeklyMeeting => WeeklyMeetingTime,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a timed schedule."),
    };
}
