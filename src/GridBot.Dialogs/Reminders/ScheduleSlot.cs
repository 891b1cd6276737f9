using System.Globalization;
using GridBot.Store.Schedules;

namespace GridBot.Dialogs.Reminders;

/// <summary>One fire of one schedule for one grid: what the notice table keys on.</summary>
public sealed record ScheduleSlot(ScheduleKind Kind, ScheduleTarget Target, DateTime LocalTime, DateTime FireUtc)
{
    /// <summary>The local minute, readable in the notice table and stable across hosts.</summary>
    public string Key => LocalTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
}
