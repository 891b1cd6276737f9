using System.Globalization;
using GridBot.Dialogs.Calendar;

namespace GridBot.Dialogs.Time;

/// <summary>Every time a person reads is Beijing time, whatever the server's zone.</summary>
public sealed class ShanghaiTime(ChinaWorkingCalendar calendar, TimeProvider time)
{
    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public DateOnly Today => DateOnly.FromDateTime(calendar.ToLocalTime(NowUtc));

    public DateTime ToLocal(DateTime utc) => calendar.ToLocalTime(utc);

    /// <summary>"11月24日 17:30"; with the weekday when it is not today ("11月25日(周三) 12:00").</summary>
    public string Format(DateTime utc)
    {
        var local = ToLocal(utc);
        var day = DateOnly.FromDateTime(local);
        var week = day == Today ? "" : $"(周{"日一二三四五六"[(int)local.DayOfWeek]})";
        return local.ToString("M月d日", CultureInfo.InvariantCulture) + week + " " + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>A deadline as people read it; a question or a suggestion has none (不限时).</summary>
    public string Format(DateTime? utc) => utc is { } value ? Format(value) : "不限时";

    /// <summary>The UTC start of a local day, for "today / this week / this month" queries.</summary>
    public DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), calendar.TimeZone);
}
