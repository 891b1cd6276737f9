using GridBot.Store.Schedules;

namespace GridBot.Dialogs.Reminders;

/// <summary>The words people use for schedules, both ways (提醒 暂停 日碰头).</summary>
public static class ScheduleNames
{
    private static readonly (ScheduleKind Kind, string Name, string[] Words)[] Table =
    [
        (ScheduleKind.DailyHuddle, "日碰头", ["日碰头", "碰头会", "碰头", "huddle"]),
        (ScheduleKind.MorningDispatch, "早派工", ["早派工", "派工", "dispatch"]),
        (ScheduleKind.DailyDigest, "日报", ["日报", "每日简报", "daily"]),
        (ScheduleKind.WeeklyDigest, "周报", ["周报", "每周简报", "weekly"]),
        (ScheduleKind.WeeklyMeeting, "周联席", ["周联席", "联席会", "周联席会议", "meeting"]),
    ];

    /// <summary>The schedules that fire at a time of day (the deadline steps follow each ticket's clock instead).</summary>
    public static readonly IReadOnlyList<ScheduleKind> Timed = [.. Table.Select(t => t.Kind)];

    public static string Of(ScheduleKind kind) => Table.First(t => t.Kind == kind).Name;

    public static ScheduleKind? Parse(string word) =>
        Table.Where(t => t.Words.Contains(word, StringComparer.OrdinalIgnoreCase)).Select(t => (ScheduleKind?)t.Kind).FirstOrDefault();

    public static bool IsWeekly(ScheduleKind kind) => kind is ScheduleKind.WeeklyDigest or ScheduleKind.WeeklyMeeting;

    /// <summary>Grid schedules are set by grid leaders, digests and meetings by community or street staff.</summary>
    public static bool IsGridSchedule(ScheduleKind kind) => kind is ScheduleKind.DailyHuddle or ScheduleKind.MorningDispatch;
}
